"""Find the schema files: every `*.sql` below the schema directory, in a stable order."""

from __future__ import annotations

from pathlib import Path

from creo_schema.errors import InputError, Location
from creo_schema.source.model import SourceFile

MAX_FILE_BYTES = 5 * 1024 * 1024  # a schema file this large is a mistake, not a schema


def discover(schema_dir: Path, display_root: Path | None = None) -> tuple[SourceFile, ...]:
    """Read every `.sql` file below `schema_dir`, sorted by path, as text.

    Paths are shown relative to `display_root` (the working directory by default), so that
    messages read `schema/tables/orders.sql:12:7` as the user would type them.
    """
    if not schema_dir.exists():
        raise InputError(
            f"schema directory {schema_dir} does not exist",
            hint="create it, or point --schema-dir (or schema_dir in [tool.creo-schema]) at it",
        )
    if not schema_dir.is_dir():
        raise InputError(f"schema directory {schema_dir} is not a directory")
    paths = sorted(p for p in schema_dir.rglob("*.sql") if p.is_file())
    if not paths:
        raise InputError(
            f"schema directory {schema_dir} holds no .sql files",
            hint="declare the desired state as SQL files under it, e.g. schema/tables/users.sql",
        )
    root = display_root or Path.cwd()
    from creo_schema.source.roles import is_role_file

    return tuple(
        _read(path, _display(path, root), is_role_file(schema_dir, path)) for path in paths
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path, shown: str, roles: bool = False) -> SourceFile:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"file is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB "
            "limit for a schema file",
            location=Location(shown, 1, 1),
        )
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise InputError(
            "binary file (contains NUL bytes), not SQL", location=Location(shown, 1, 1)
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            location=Location(shown, line, column),
            hint="save the file as UTF-8",
        ) from error
    return SourceFile(shown, text.removeprefix("\ufeff"), roles)
