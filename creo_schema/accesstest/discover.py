"""Find and parse the test files, and check what they name against schema/ (for `validate`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from creo_schema.accesstest.model import TestFile
from creo_schema.accesstest.parse import parse_test_file
from creo_schema.errors import InputError
from creo_schema.source.catalog_names import KnownRoles
from creo_schema.source.finding import Finding
from creo_schema.source.model import SourceSet

# Tables and functions of the platform's prelude that tests may name (SUPABASE.md 3, 4).
_PLATFORM = frozenset({"auth.users", "auth.uid", "auth.role", "auth.jwt", "auth.email"})


def test_paths(schema_dir: Path) -> list[Path]:
    return sorted((schema_dir / "tests").glob("*.toml"))


def shown(path: Path) -> str:
    """The path as the schema files' locations show theirs: relative to here when inside."""
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def read_test_files(paths: list[Path]) -> list[TestFile]:
    """Every file parsed; the first malformed one raises its located InputError."""
    return [parse_test_file(path, shown(path)) for path in paths]


def role_checker(platform: str, roles: KnownRoles) -> Callable[[str], bool]:
    """Whether an identity's role exists where the tests run: the platform's, or one
    schema/ may name (configured, or on the target)."""
    from creo_schema.source.catalog_names import platform_names

    provided = platform_names(platform).roles
    return lambda name: name in provided or name in roles


def test_file_findings(
    schema_dir: Path, source: SourceSet, role_known: Callable[[str], bool] | None = None
) -> list[Finding]:
    """Each file's syntax error, or each name it uses that schema/ does not declare."""
    findings: list[Finding] = []
    declared = {name.removesuffix("()") for s in source.statements for name in s.creates}
    for path in test_paths(schema_dir):
        try:
            parsed = parse_test_file(path, shown(path))
        except InputError as error:
            findings.append(
                Finding("error", "test_file", error.message, error.location, error.hint)
            )
            continue
        for kind, name, where in parsed.references:
            if kind == "role":
                if role_known is not None and not role_known(name):
                    findings.append(Finding("error", "test_file", f"unknown role {name!r}", where))
                continue
            if name not in declared and name not in _PLATFORM:
                findings.append(
                    Finding(
                        "error",
                        "test_file",
                        f"{kind} {name} is not declared in schema/",
                        where,
                        "name a table or function schema/ creates",
                    )
                )
    return findings
