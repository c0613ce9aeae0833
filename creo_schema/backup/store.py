"""Backups on disk: `<backup_dir>/<UTC timestamp>/` with `metadata.json` and one gzip file per
table. A backup is written under a hidden temporary name and renamed when complete, so a
folder with a plain timestamp name is always a whole backup.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
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
    # all: every table of the managed schemas; tables: only those listed, the ones a
    # migration could lose rows from (`apply --backup changed`). Only an `all` backup can
    # be the base of an incremental one.
    scope: str = "all"

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    @property
    def rows(self) -> int:
        """Rows in the backed-up tables at the backup's moment: what a restore gives back."""
        return sum(t.total_rows for t in self.tables)

    @property
    def stored_rows(self) -> int:
        """Rows in this backup's own files: for an incremental one, the rows changed since
        its base (and every row of a table without a primary key)."""
        return sum(t.rows for t in self.tables)

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


@dataclass(frozen=True)
class CleanupChoice:
    remove: list[str]  # backup ids, oldest first
    kept: dict[str, str]  # old backups kept, with why


def choose_cleanup(
    backups: list[BackupMeta], cutoff: datetime, referenced: Mapping[str, list[int]]
) -> CleanupChoice:
    """Which backups older than `cutoff` go. Kept: those a history row references
    (`referenced`: backup id -> migration ids), and the bases any kept backup needs."""
    by_id = {m.id: m for m in backups}
    kept: dict[str, str] = {}
    roots = [m for m in backups if m.created >= cutoff]
    for meta in backups:
        if meta.created < cutoff and meta.id in referenced:
            ids = ", ".join(str(n) for n in sorted(referenced[meta.id]))
            kept[meta.id] = f"referenced by migration {ids} in the target's history"
            roots.append(meta)
    for root in roots:
        base = by_id.get(root.base or "")
        while base is not None:
            if base.created < cutoff:
                kept.setdefault(base.id, f"the base of kept backup {root.id}")
            base = by_id.get(base.base or "")
    remove = [m.id for m in backups if m.created < cutoff and m.id not in kept]
    return CleanupChoice(remove, kept)


def remove_backups(root: Path, ids: list[str], cutoff: datetime) -> None:
    """Remove the chosen backups, and unfinished ones (`.partial-*`) older than `cutoff`."""
    for backup_id in ids:
        shutil.rmtree(root / backup_id)
    for leftover in root.glob(".partial-*") if root.is_dir() else []:
        if datetime.fromtimestamp(leftover.stat().st_mtime, UTC) < cutoff:
            shutil.rmtree(leftover, ignore_errors=True)


def cutoff_of(older_than_days: float, now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)) - timedelta(days=older_than_days)
