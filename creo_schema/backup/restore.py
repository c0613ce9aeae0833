"""Bring a database back to a backup's rows, in one transaction.

Order of work: check the schema fingerprint (refuse on a mismatch unless forced), then in
one transaction, as pg_dump orders a restore: run as a replica where the role may
(`session_replication_role`), hold back what would refuse or rewrite the rows (hold.py: the
tables' checks and foreign keys dropped, triggers that would still fire disabled), empty
every table the backup holds with one TRUNCATE (all managed tables, or for a backup `apply`
took, the tables its migration could lose rows from and those referencing them), load the
full backup's files parents first, apply each incremental on top (delete the rows whose key
is gone, replace the changed ones), set the sequences, put back what was held (constraints
added again, checked against the rows unless NOT VALID; triggers in their own modes), check
every table's checksum against the metadata and that the schema is as it was. Any mismatch
rolls everything back. Tables the backup does not hold are left alone.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.abc import Query

from creo_schema.backup.hold import Held, hold_back, put_back
from creo_schema.backup.store import BackupMeta, TableEntry, chain
from creo_schema.backup.tables import STABLE_OUTPUT, Table, checksum, foreign_key_order
from creo_schema.catalog import Scope, inspect
from creo_schema.config import Settings
from creo_schema.db import Connection, connect
from creo_schema.errors import DatabaseError, SafetyError
from creo_schema.words import plural

Progress = Callable[[str, int, int], None]
CHUNK = 1 << 16


@dataclass(frozen=True)
class RestoreResult:
    id: str
    tables: int
    rows: int  # rows the restored tables hold now: the backup's rows at its moment
    triggers: str  # how triggers were kept from firing
    constraints: int  # checks and foreign keys added again after the rows


def restore_backup(
    settings: Settings,
    conn_url: str,
    backup_id: str,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> RestoreResult:
    root = Path(settings.backup_dir)
    backups = chain(root, backup_id)
    target = backups[-1]
    schemas = tuple(target.managed_schemas)
    with connect(conn_url, autocommit=True) as conn:
        now = inspect(conn, Scope(schemas, platform=settings.platform)).fingerprint
        if now != target.schema_fingerprint and not force:
            raise SafetyError(
                f"the database schema differs from the one backup {target.id} was taken of "
                f"(backup {target.schema_fingerprint[:12]}, database {now[:12]})",
                hint="restore into a database with the backup's schema, or pass --force "
                "to try anyway",
            )
        try:
            conn.execute("begin")
            conn.execute(STABLE_OUTPUT)
            tables = _tables(target)
            replica = _run_as_replica(conn)
            held = hold_back(conn, tables, schemas, replica=replica)
            names = sql.SQL(", ").join(t.ident for t in tables)
            if tables:
                conn.execute(sql.SQL("truncate {}").format(names))
            for number, meta in enumerate(backups):
                by_name = {e.qualified: e for e in meta.tables}
                for table in tables:
                    entry = by_name.get(table.qualified)
                    if entry is None:
                        continue
                    if entry.mode == "full" and number > 0:  # no key: copied whole again
                        conn.execute(sql.SQL("delete from {}").format(table.ident))
                    _apply_entry(conn, root / meta.id, table, entry, progress)
            _set_sequences(conn, target)
            put_back(conn, held)
            # Counted in the tables, not summed over the files loaded: rows a later
            # incremental deleted or replaced would count twice or more.
            rows = _verify(conn, tables, target)
            _check_schema_kept(conn, schemas, now, held, target.id, settings.platform)
            conn.execute("commit")
        except psycopg.Error as error:
            conn.execute("rollback")
            raise DatabaseError(
                f"restoring backup {target.id} failed, nothing was changed: "
                f"{error.diag.message_primary or error}"
            ) from None
        except BaseException:
            conn.execute("rollback")
            raise
    return RestoreResult(
        target.id, len(tables), rows, held.describe(replica), len(held.constraints)
    )


def _tables(meta: BackupMeta) -> list[Table]:
    """The backup's tables, with parents found again from the metadata order."""
    entries = meta.tables  # written parents first
    return foreign_key_order(
        [
            Table(
                e.schema,
                e.name,
                tuple((c["name"], c["type"]) for c in e.columns),
                tuple(e.key) if e.key else None,
                tuple(x.qualified for x in entries[:i]),
            )
            for i, e in enumerate(entries)
        ]
    )


def _run_as_replica(conn: Connection) -> bool:
    """Run the rest of the transaction as a replica where the role may (a superuser, or
    `grant set on parameter`): rules and the triggers left in their default mode then stay
    quiet, and the restore's own ALTERs wake no event trigger."""
    try:
        with conn.transaction():
            conn.execute("set local session_replication_role = replica")
        return True
    except psycopg.errors.InsufficientPrivilege:
        return False


def _check_schema_kept(
    conn: Connection,
    schemas: tuple[str, ...],
    before: str,
    held: Held,
    backup_id: str,
    platform: str,
) -> None:
    """What hold.py took away came back as it was: else nothing is changed."""
    if not held.constraints and not held.triggers:
        return
    after = inspect(conn, Scope(schemas, platform=platform)).fingerprint
    if after != before:
        raise SafetyError(
            f"restoring backup {backup_id} would change the schema (its constraints or "
            "triggers could not be put back exactly as they were): nothing was changed",
            hint="please report this, with the tables' definitions",
        )


def _apply_entry(
    conn: Connection, folder: Path, table: Table, entry: TableEntry, progress: Progress | None
) -> int:
    columns = sql.SQL(", ").join(sql.Identifier(c["name"]) for c in entry.columns)
    if entry.mode == "full":
        return _copy_in(
            conn,
            sql.SQL("copy {} ({}) from stdin").format(table.ident, columns),
            folder / entry.file,
            entry,
            progress,
        )
    key = sql.SQL(", ").join(sql.Identifier(k) for k in entry.key or ())
    conn.execute(
        sql.SQL(
            "create temp table creo_restore_keys on commit drop as select {} from {} limit 0"
        ).format(key, table.ident)
    )
    assert entry.keys_file is not None
    _copy_in(
        conn, sql.SQL("copy creo_restore_keys from stdin"), folder / entry.keys_file, entry, None
    )
    conn.execute(
        sql.SQL("delete from {t} where ({k}) not in (select {k} from creo_restore_keys)").format(
            t=table.ident, k=key
        )
    )
    conn.execute(
        sql.SQL(
            "create temp table creo_restore_rows on commit drop as select {} from {} limit 0"
        ).format(columns, table.ident)
    )
    rows = _copy_in(
        conn,
        sql.SQL("copy creo_restore_rows from stdin"),
        folder / entry.file,
        entry,
        progress,
    )
    conn.execute(
        sql.SQL("delete from {t} where ({k}) in (select {k} from creo_restore_rows)").format(
            t=table.ident, k=key
        )
    )
    conn.execute(
        sql.SQL(
            "insert into {t} ({c}) overriding system value select {c} from creo_restore_rows"
        ).format(t=table.ident, c=columns)
    )
    conn.execute("drop table creo_restore_keys, creo_restore_rows")
    return rows


def _copy_in(
    conn: Connection, query: Query, path: Path, entry: TableEntry, progress: Progress | None
) -> int:
    rows = 0
    with conn.cursor() as cursor, cursor.copy(query) as copy, gzip.open(path, "rb") as data:
        while chunk := data.read(CHUNK):
            copy.write(chunk)
            rows += chunk.count(b"\n")
            if progress:
                progress(entry.qualified, rows, entry.rows)
    return rows


def _set_sequences(conn: Connection, meta: BackupMeta) -> None:
    for seq in meta.sequences:
        conn.execute(
            "select setval(%s::regclass, %s, %s)",
            (seq["name"], seq["last_value"], seq["is_called"]),
        )


def _verify(conn: Connection, tables: list[Table], meta: BackupMeta) -> int:
    """Check every table's checksum; returns the rows the tables hold."""
    by_name = {e.qualified: e for e in meta.tables}
    wrong = []
    rows = 0
    for table in tables:
        expected = by_name.get(table.qualified)
        if expected is None:
            continue
        count, digest = checksum(conn, table)
        rows += count
        if digest != expected.checksum:
            wrong.append(
                f"{table.qualified} ({plural(count, 'row')}, expected {expected.total_rows})"
            )
    if wrong:
        raise SafetyError(
            f"restored rows differ from backup {meta.id} in {', '.join(wrong)}: nothing was "
            "changed",
            hint="the backup files may be damaged, or the column types changed since",
        )
    return rows
