"""Read the schema directory into a `SourceSet` in load order."""

from __future__ import annotations

from pathlib import Path

from creo_schema.source.discover import discover
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.order import load_order
from creo_schema.source.parse import parse_files


def load_source(schema_dir: Path, display_root: Path | None = None) -> SourceSet:
    return source_set(schema_dir, discover(schema_dir, display_root))


def source_set(schema_dir: Path, files: tuple[SourceFile, ...]) -> SourceSet:
    """Parse already-read files and put their statements in load order."""
    statements = load_order(parse_files(files))
    return SourceSet(root=str(schema_dir), files=files, statements=tuple(statements))
