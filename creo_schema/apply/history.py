"""The `creo_schema.migrations` table: what was applied, by whom, and how to undo it."""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

from psycopg.rows import class_row

from creo_schema import __version__
from creo_schema.catalog.inspection import Scope
from creo_schema.db import Connection, one_row

# Any process holding this advisory lock is applying to the database: one at a time.
APPLY_LOCK_KEY = 0x43524530  # "CRE0"


@dataclass(frozen=True)
class HistoryRecord:
    id: int
    applied_at: datetime
    applied_by: str
    kind: str
    status: str
    rolls_back: int | None
    source_fingerprint: str
    schema_fingerprint_before: str
    schema_fingerprint_after: str | None
    managed_schemas: list[str]
    extensions: list[str]
    up_sql: str
    down_sql: str
    duration_ms: int | None
    error: str | None
    backup_id: str | None
    tool_version: str
    down_statements: list[dict[str, Any]] | None = None  # absent from older databases
    supabase_versions: list[str] | None = None  # likewise
    schema_signature_after: str | None = None  # likewise
    managed_roles: list[str] | None = None  # likewise
    subscriptions: list[str] | None = None  # likewise

    @property
    def managed_subscriptions(self) -> tuple[str, ...]:
        return tuple(self.subscriptions or ())

    def scope(self, platform: str) -> Scope:
        """What the migration's plan inspected (the platform is the settings': older
        databases did not record it)."""
        return Scope(
            tuple(self.managed_schemas),
            tuple(self.extensions),
            tuple(self.managed_roles or ()),
            platform,
            self.managed_subscriptions,
        )


# Every column history.sql adds after the first release: a database missing one is upgraded.
_ADDED_COLUMNS = [
    "down_statements",
    "supabase_versions",
    "schema_signature_after",
    "managed_roles",
    "subscriptions",
]


def ensure_history(conn: Connection) -> None:
    """Create the history table, or add the columns it lacks (autocommit, idempotent)."""
    current = one_row(
        conn.execute(
            "select count(*) = %s from pg_attribute "
            "where attrelid = to_regclass('creo_schema.migrations') and attname = any(%s) "
            "and not attisdropped",
            (len(_ADDED_COLUMNS), _ADDED_COLUMNS),
        )
    )[0]
    if not current:
        ddl = resources.files(__package__).joinpath("history.sql").read_text(encoding="utf-8")
        with conn.transaction():
            conn.execute("select pg_advisory_xact_lock(%s)", (APPLY_LOCK_KEY + 1,))
            conn.execute(ddl)


def who() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def record(conn: Connection, **values: object) -> int:
    values.setdefault("applied_by", who())
    values.setdefault("tool_version", __version__)
    columns = ", ".join(values)
    placeholders = ", ".join(["%s"] * len(values))
    row = one_row(
        conn.execute(
            f"insert into creo_schema.migrations ({columns}) values ({placeholders}) returning id",
            tuple(values.values()),
        )
    )
    return int(row[0])


def history(conn: Connection, limit: int = 20) -> list[HistoryRecord]:
    exists = one_row(conn.execute("select to_regclass('creo_schema.migrations') is not null"))[0]
    if not exists:
        return []
    with conn.cursor(row_factory=class_row(HistoryRecord)) as cursor:
        cursor.execute("select * from creo_schema.migrations order by id desc limit %s", (limit,))
        return list(cursor.fetchall())


def last_managed_schemas(conn: Connection) -> tuple[str, ...]:
    """The schemas the last migration applied to this database managed (none without a
    history); an open transaction is ended."""
    try:
        exists = conn.execute("select to_regclass('creo_schema.migrations') is not null")
        if not one_row(exists)[0]:
            return ()
        row = conn.execute(
            "select managed_schemas from creo_schema.migrations"
            " where status = 'applied' order by id desc limit 1"
        ).fetchone()
        return tuple(row[0]) if row else ()
    finally:
        if not conn.autocommit:
            conn.rollback()


def last_managed_roles(conn: Connection) -> tuple[str, ...]:
    """The roles the last migration applied to this database managed (roles as code; none
    without a history, or before the column); an open transaction is ended."""
    return _last_managed(conn, "managed_roles")


def last_managed_subscriptions(conn: Connection) -> tuple[str, ...]:
    """The subscriptions the last migration applied to this database managed (none without
    a history, or from a version that did not record them); an open transaction is ended."""
    return _last_managed(conn, "subscriptions")


def _last_managed(conn: Connection, column: str) -> tuple[str, ...]:
    """The names in `column` (one of _ADDED_COLUMNS) of the last applied migration."""
    assert column in _ADDED_COLUMNS
    try:
        exists = conn.execute(
            "select 1 from pg_attribute where attrelid = to_regclass('creo_schema.migrations')"
            " and attname = %s and not attisdropped",
            (column,),
        )
        if not exists.fetchone():
            return ()
        row = conn.execute(
            f"select {column} from creo_schema.migrations"  # a name of _ADDED_COLUMNS
            " where status = 'applied' order by id desc limit 1"
        ).fetchone()
        return tuple(row[0] or ()) if row else ()
    finally:
        if not conn.autocommit:
            conn.rollback()


def find(conn: Connection, migration_id: int | None) -> HistoryRecord | None:
    exists = one_row(conn.execute("select to_regclass('creo_schema.migrations') is not null"))[0]
    if not exists:
        return None
    query = "select * from creo_schema.migrations where "
    if migration_id is None:
        query += "kind = 'apply' and status = 'applied' order by id desc limit 1"
        params: tuple[Any, ...] = ()
    else:
        query += "id = %s"
        params = (migration_id,)
    with conn.cursor(row_factory=class_row(HistoryRecord)) as cursor:
        cursor.execute(query, params)
        found = cursor.fetchone()
        return found


def backup_references(conn: Connection) -> dict[str, list[int]]:
    """Backup id -> the migrations whose history row names it (none without a history)."""
    exists = one_row(conn.execute("select to_regclass('creo_schema.migrations') is not null"))[0]
    if not exists:
        return {}
    rows = conn.execute(
        "select backup_id, array_agg(id order by id) from creo_schema.migrations "
        "where backup_id is not null group by backup_id"
    ).fetchall()
    return {backup_id: list(ids) for backup_id, ids in rows}
