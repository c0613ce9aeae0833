"""Take a backup: each managed table streamed with COPY through gzip into its own file.

Every managed table, or only those a migration can lose rows from (`take_backup` in mode
`changed`, see scope.py: `apply` and `rollback` back up no more than that by default).

All tables are read in one REPEATABLE READ, READ ONLY transaction, so the backup is one
consistent moment even while the application writes. Memory stays flat: COPY hands over
chunks, which go straight into the gzip stream.

Incremental backups hold, per table with a primary key, the rows whose `xmin` (the
transaction that wrote the row version) is not older than the oldest transaction running
when the base was read, or whose `updated_at` (where the table has one) is not older than
the base; plus the list of every primary key. Deleted rows leave no row version to find:
the key list is what lets restore remove them. A table without a primary key is copied
whole. What xmin cannot see: a `VACUUM FREEZE` that freezes a changed row before the
incremental is taken hides it (its xmin then reads as frozen) unless `updated_at` catches it;
take a full backup after such maintenance.
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from psycopg import sql
from psycopg.abc import Query

from creo_schema import __version__
from creo_schema.backup.scope import tables_at_risk
from creo_schema.backup.store import BackupMeta, TableEntry, list_backups, new_id, read_meta
from creo_schema.backup.tables import STABLE_OUTPUT, Table, checksum, read_tables, target_facts
from creo_schema.catalog import Scope, inspect
from creo_schema.config import Settings
from creo_schema.db import Connection, connect, one_row
from creo_schema.errors import InputError
from creo_schema.plan_document import PlannedStatement
from creo_schema.urls import redact_url

# progress(table, rows_done, rows_total); rows_total is an estimate (pg_class.reltuples).
Progress = Callable[[str, int, int], None]
COMPRESSLEVEL = 3  # gzip's speed/size balance point for row text; 9 costs 3x for ~10% less


@dataclass(frozen=True)
class BackupResult:
    id: str
    path: Path
    meta: BackupMeta

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": str(self.path),
            "scope": self.meta.scope,
            "tables": [t.qualified for t in self.meta.tables],
            "rows": self.meta.rows,
        }


BackupMode = Literal["changed", "all", "none"]


def take_backup(
    settings: Settings,
    conn_url: str,
    migration_hint: str | None = None,
    *,
    mode: BackupMode = "all",
    statements: Iterable[PlannedStatement] = (),
) -> BackupResult | None:
    """The hook for `apply` and `rollback`, before they change anything.

    `all`: every managed table. `changed`: only the tables `statements` can lose rows from
    (backup/scope.py), and no backup at all (None) when none can. `none`: no backup.
    """
    if mode == "none":
        return None
    only: frozenset[str] | None = None
    if mode == "changed":
        with connect(conn_url, autocommit=True) as conn:
            scope = tables_at_risk(statements, target_facts(conn, tuple(settings.managed_schemas)))
        if not scope.needed:
            return None
        only = None if scope.everything else frozenset(scope.tables)
    return create_backup(settings, conn_url, migration=migration_hint, tables=only)


def create_backup(
    settings: Settings,
    conn_url: str,
    *,
    incremental: bool = False,
    migration: str | None = None,
    tables: frozenset[str] | None = None,
    progress: Progress | None = None,
) -> BackupResult:
    """A backup of every managed table, or of `tables` only (`schema.name` each)."""
    root = Path(settings.backup_dir)
    schemas = tuple(settings.managed_schemas)
    base = _incremental_base(root, schemas) if incremental else None
    root.mkdir(parents=True, exist_ok=True)
    backup_id = new_id(root)
    work = root / f".partial-{backup_id}-{os.getpid()}"
    work.mkdir()
    try:
        with connect(conn_url, autocommit=True) as conn:
            fingerprint = inspect(conn, Scope(schemas, platform=settings.platform)).fingerprint
            moment = _read_one_moment(conn, work, schemas, tables, base, progress)
        meta = BackupMeta(
            id=backup_id,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            tool_version=__version__,
            server_version=moment.server_version,
            database=redact_url(conn_url),
            managed_schemas=list(schemas),
            schema_fingerprint=fingerprint,
            kind="incremental" if base else "full",
            base=base.id if base else None,
            migration=migration,
            snapshot_xmin=moment.snapshot_xmin,
            tables=moment.tables,
            sequences=moment.sequences,
            scope="all" if tables is None else "tables",
        )
        (work / "metadata.json").write_text(meta.to_json(), encoding="utf-8")
        final = root / backup_id
        work.rename(final)
        return BackupResult(backup_id, final, meta)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def _incremental_base(root: Path, schemas: tuple[str, ...]) -> BackupMeta:
    """The backup an incremental one is built on; refused when there is none."""
    base = _latest(root, schemas)
    if base is None:
        raise InputError(
            f"no earlier backup of every table of {', '.join(schemas)} in {root} to build an "
            "incremental on",
            hint="run `creo-schema backup create` first",
        )
    return base


@dataclass(frozen=True)
class _Moment:
    """What one consistent read of the tables wrote into the backup's directory."""

    server_version: int
    snapshot_xmin: int  # the oldest transaction running then: the next incremental's start
    tables: list[TableEntry]
    sequences: list[dict[str, Any]]


def _read_one_moment(
    conn: Connection,
    work: Path,
    schemas: tuple[str, ...],
    tables: frozenset[str] | None,
    base: BackupMeta | None,
    progress: Progress | None,
) -> _Moment:
    """Every chosen table (all of `schemas`', or `tables` only) and the sequences they own,
    read in one transaction: one moment, even while the application writes."""
    conn.execute("begin isolation level repeatable read read only")  # one moment
    conn.execute(STABLE_OUTPUT)
    xmin, next_xid, version = one_row(
        conn.execute(
            "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint, "
            "pg_snapshot_xmax(pg_current_snapshot())::text::bigint, "
            "current_setting('server_version_num')::int"
        )
    )
    chosen, snap = read_tables(conn, schemas)
    if tables is not None:
        chosen = [t for t in chosen if t.qualified in tables]
    estimates = _estimates(conn, chosen)
    entries = [
        _dump_table(conn, work, t, base, next_xid, estimates.get(t.qualified, 0), progress)
        for t in chosen
    ]
    sequences = _sequences(
        conn,
        [
            f"{s.schema}.{s.name}"
            for s in snap.sequences
            if tables is None or _owner(s.owned_by) in tables
        ],
    )
    conn.execute("commit")
    return _Moment(int(version), int(xmin), entries, sequences)


def _owner(owned_by: str | None) -> str | None:
    """`schema.table` of a sequence's owning column `schema.table.column`."""
    return owned_by.rsplit(".", 1)[0] if owned_by else None


def _latest(root: Path, schemas: tuple[str, ...]) -> BackupMeta | None:
    """The newest backup of every managed table: a partial one cannot be a base."""
    candidates = [
        m for m in list_backups(root) if tuple(m.managed_schemas) == schemas and m.scope == "all"
    ]
    return read_meta(root, candidates[-1].id) if candidates else None


def _estimates(conn: Connection, tables: list[Table]) -> dict[str, int]:
    rows = conn.execute(
        "select n.nspname || '.' || c.relname, greatest(c.reltuples, 0)::bigint "
        "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname || '.' || c.relname = any(%s)",
        ([t.qualified for t in tables],),
    ).fetchall()
    return dict(rows)


def _dump_table(
    conn: Connection,
    work: Path,
    table: Table,
    base: BackupMeta | None,
    next_xid: int,
    estimate: int,
    progress: Progress | None,
) -> TableEntry:
    total, digest = checksum(conn, table)
    changes_only = base is not None and table.key is not None
    where: sql.Composable = sql.SQL("")
    if changes_only and base is not None:
        # age(xmin) = next xid - xmin; a row written at or after the base's oldest running
        # transaction has an age no larger than the xids handed out since then.
        span = max(next_xid - base.snapshot_xmin, 0)
        condition = sql.SQL("age(xmin) <= {}").format(sql.Literal(span))
        if "updated_at" in table.column_names():
            condition = sql.SQL("({} or updated_at >= {})").format(
                condition, sql.Literal(base.created_at)
            )
        where = sql.SQL(" where ") + condition
    stem = f"{table.schema}.{table.name}"
    data_file = f"{stem}.copy.gz"
    query = sql.SQL("copy (select {} from {}{}) to stdout").format(
        table.column_list, table.ident, where
    )
    rows = _copy_out(
        conn, query, work / data_file, stem, estimate if not changes_only else 0, progress
    )
    keys_file = None
    if changes_only and table.key:
        keys_file = f"{stem}.keys.gz"
        keys = sql.SQL("copy (select {} from {}) to stdout").format(
            sql.SQL(", ").join(sql.Identifier(k) for k in table.key), table.ident
        )
        _copy_out(conn, keys, work / keys_file, stem, 0, None)
    return TableEntry(
        schema=table.schema,
        name=table.name,
        file=data_file,
        columns=[{"name": n, "type": t} for n, t in table.columns],
        key=list(table.key) if table.key else None,
        mode="changes" if changes_only else "full",
        rows=rows,
        total_rows=total,
        checksum=digest,
        bytes=(work / data_file).stat().st_size,
        keys_file=keys_file,
    )


def _copy_out(
    conn: Connection, query: Query, path: Path, label: str, estimate: int, progress: Progress | None
) -> int:
    """Stream COPY text into gzip; returns the number of rows (lines) written."""
    rows = 0
    with (
        gzip.open(path, "wb", compresslevel=COMPRESSLEVEL) as out,
        conn.cursor() as cursor,
        cursor.copy(query) as copy,
    ):
        for chunk in copy:
            out.write(chunk)
            rows += bytes(chunk).count(b"\n")
            if progress:
                progress(label, rows, estimate)
    return rows


def _sequences(conn: Connection, names: list[str]) -> list[dict[str, Any]]:
    out = []
    for name in names:
        schema, _, seq = name.partition(".")
        last, called = one_row(
            conn.execute(
                sql.SQL("select last_value, is_called from {}").format(sql.Identifier(schema, seq))
            )
        )
        out.append({"name": name, "last_value": int(last), "is_called": bool(called)})
    return out
