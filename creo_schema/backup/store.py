"""Backups on disk: `<backup_dir>/<UTC timestamp>/` with `metadata.json` and one gzip file per
table. A backup is written under a hidden temporary name and renamed when complete, so a
folder with a plain timestamp name is always a whole backup.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from creo_schema.errors import InputError

FORMAT = "creo-schema/backup"
FORMAT_VERSION = 1
METADATA = "metadata.json"
ID_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass
class TableEntry:
    schema: str
    name: str
    file: str
    columns: list[dict[str, str]]  # name and type, in file order
    key: list[str] | None  # primary key columns; None when the table has none
    mode: str  # "full": every row; "changes": rows changed since the base (plus keys_file)
    rows: int  # rows in `file`
    total_rows: int  # rows in the table when the backup was taken
    checksum: str  # of the whole table then (see tables.CHECKSUM_SQL)
    bytes: int = 0
    keys_file: str | None = None  # all primary keys then, for an incremental backup

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass
class BackupMeta:
    id: str
    created_at: str
    tool_version: str
    server_version: int
    database: str  # redacted URL
    managed_schemas: list[str]
    schema_fingerprint: str
    kind: str  # full | incremental
    base: str | None
    migration: str | None  # what this backup precedes, e.g. "apply of plan <fingerprint>"
    snapshot_xmin: int  # oldest transaction still running when the data was read
    compression: str = "gzip"
    tables: list[TableEntry] = field(default_factory=list)
    sequences: list[dict[str, Any]] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"


def new_id(root: Path, now: datetime | None = None) -> str:
    """A UTC timestamp; a second backup within the same second gets a numeric suffix."""
    stamp = (now or datetime.now(UTC)).strftime(ID_FORMAT)
    candidate, n = stamp, 1
    while (root / candidate).exists():
        n += 1
        candidate = f"{stamp}-{n}"
    return candidate


def read_meta(root: Path, backup_id: str) -> BackupMeta:
    path = root / backup_id / METADATA
    if not path.is_file():
        known = ", ".join(m.id for m in list_backups(root)[-5:]) or "none"
        raise InputError(f"no backup {backup_id!r} in {root}", hint=f"recent backups: {known}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
            raise InputError(
                f"{path} is not a creo-schema backup of format version {FORMAT_VERSION}"
            )
        tables = [TableEntry(**t) for t in data.pop("tables")]
        return BackupMeta(**data, tables=tables)
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(f"{path}: unreadable backup metadata: {error}") from None


def list_backups(root: Path) -> list[BackupMeta]:
    """Complete backups, oldest first."""
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not (folder / METADATA).is_file():
            continue
        try:
            found.append(read_meta(root, folder.name))
        except InputError:
            continue
    return sorted(found, key=lambda m: (m.created_at, m.id))


def chain(root: Path, backup_id: str) -> list[BackupMeta]:
    """The backup and its bases, full backup first."""
    out = [read_meta(root, backup_id)]
    while out[0].base:
        out.insert(0, read_meta(root, out[0].base))
    return out


def cleanup(root: Path, older_than_days: float, now: datetime | None = None) -> list[str]:
    """Remove backups older than the given age, except bases a kept backup still needs."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
    backups = list_backups(root)
    kept = [m for m in backups if m.created >= cutoff]
    needed = {m.id for k in kept for m in chain(root, k.id)}
    removed = []
    for meta in backups:
        if meta.created < cutoff and meta.id not in needed:
            shutil.rmtree(root / meta.id)
            removed.append(meta.id)
    for leftover in root.glob(".partial-*") if root.is_dir() else []:
        if datetime.fromtimestamp(leftover.stat().st_mtime, UTC) < cutoff:
            shutil.rmtree(leftover, ignore_errors=True)
    return removed
