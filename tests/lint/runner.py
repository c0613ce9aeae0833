"""Load a case's SQL into a real shadow database and run the lints, as `validate` does."""

from __future__ import annotations

from creo_schema.db import connect
from creo_schema.lint.finding import Finding
from creo_schema.lint.registry import run_lints
from creo_schema.shadow.load import load_statements
from creo_schema.source.asts import parsed_statements
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.order import load_order
from creo_schema.source.parse import parse_files

CASE_FILE = "schema/case.sql"


def source_of(sql: str, path: str = CASE_FILE) -> SourceSet:
    files = (SourceFile(path, sql),)
    return SourceSet("schema", files, tuple(load_order(parse_files(files))))


def lint_sql(url: str, sql: str, **options: object) -> list[Finding]:
    source = source_of(sql)
    load_statements(url, source)
    with connect(url, autocommit=True) as conn:
        conn.read_only = True
        return run_lints(parsed_statements(source), conn, **options)  # type: ignore[arg-type]
