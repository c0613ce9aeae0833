"""Connections: the one place psycopg errors at connect time become `DatabaseError`.

Every URL that reaches a message goes through `redact_url` first.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias, cast

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.pq import TransactionStatus
from psycopg.rows import Row, TupleRow

from creo_schema.errors import DatabaseError, InputError
from creo_schema.urls import redact_text, redact_url

CONNECT_TIMEOUT_SECONDS = 10

# What `connect` hands out: rows are tuples unless a cursor asks otherwise (`row_factory=`).
Connection: TypeAlias = psycopg.Connection[TupleRow]


def with_database(url: str, dbname: str) -> str:
    """The same server and credentials, another database."""
    return make_conninfo(url, dbname=dbname)


def acting_as(url: str, role: str | None) -> str:
    """The same connection, every session of which runs as `role` (`-c role=...` at start:
    even RESET ROLE comes back to it). The shadow stands for the target's applier this way,
    so that what a plan creates there has the owner it gets on the target."""
    if not role:
        return url
    escaped = role.replace("\\", "\\\\").replace(" ", "\\ ")
    return make_conninfo(url, options=f"-c role={escaped}")


def one_row(cursor: psycopg.Cursor[Row]) -> Row:
    """The row of a query that always returns one (`select <expression>`, `count(*)`): psycopg
    types `fetchone` as maybe None, for queries that may return none."""
    row = cursor.fetchone()
    if row is None:
        raise DatabaseError("a query of one row returned none")
    return row


def current_role(conn: Connection) -> str:
    """Who `conn` acts as: the applier, on a target."""
    row = one_row(conn.execute("select current_user::text"))
    if not conn.autocommit:
        conn.rollback()
    return str(row[0])


def database_name(url: str) -> str:
    return str(conninfo_to_dict(url).get("dbname") or "")


def connect(url: str, *, autocommit: bool = False, application: str = "creo-schema") -> Connection:
    """Open a connection, or raise one clear line that never shows the password.

    Within `kept_open(url)`, the connection kept to that URL is lent instead when nobody
    holds it (see there)."""
    kept = _kept.get(url)
    if kept is not None:
        lent = kept.lend(autocommit)
        if lent is not None:
            # a proxy that is the connection in all but closing (see `_Lent`)
            return cast(Connection, lent)
    return _open(url, autocommit=autocommit, application=application)


def _open(url: str, *, autocommit: bool, application: str = "creo-schema") -> Connection:
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise InputError(
            f"invalid database URL {redact_url(url)}: {redact_text(str(error), url)}",
            hint="expected postgresql://user:password@host:port/dbname",
        ) from None
    try:
        return psycopg.connect(
            url,
            autocommit=autocommit,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            application_name=application,
        )
    except psycopg.Error as error:
        reason = " ".join(redact_text(str(error), url).split())
        raise DatabaseError(f"cannot connect to {redact_url(url)}: {reason}") from None


def server_major(conn: Connection) -> int:
    return int(conn.info.server_version) // 10000


# -- one warm connection along a command's steps ---------------------------------------------


class _Kept:
    """One open connection to a URL, lent to one `connect` at a time (a second asker, in
    this thread or another, gets a connection of its own)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn: Connection | None = None
        self.lent = False
        self.lock = threading.Lock()

    def lend(self, autocommit: bool) -> _Lent | None:
        with self.lock:
            if self.lent:
                return None
            self.lent = True
        try:
            if self.conn is None or self.conn.closed:
                self.conn = _open(self.url, autocommit=autocommit)
            else:
                self.conn.autocommit = autocommit
        except BaseException:
            self.lent = False
            raise
        return _Lent(self)

    def give_back(self, failed: bool) -> None:
        """As psycopg's `with connection` ends (commit, or roll back on an error), minus the
        close; the session's settings (timeouts, search path) are reset for the next one."""
        conn = self.conn
        try:
            if conn is not None and not conn.closed:
                try:
                    if conn.info.transaction_status != TransactionStatus.IDLE:
                        conn.rollback() if failed else conn.commit()
                    conn.autocommit = True
                    conn.execute("reset all")
                    conn.read_only = None
                except psycopg.Error:
                    conn.close()  # a broken session is not lent again
        finally:
            self.lent = False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class _Lent:
    """The kept connection, as `with connect(...) as conn` uses one: leaving the block gives it
    back instead of closing it. Everything else is the connection's own."""

    __slots__ = ("_back", "_kept")

    def __init__(self, kept: _Kept) -> None:
        object.__setattr__(self, "_kept", kept)
        object.__setattr__(self, "_back", False)

    def __enter__(self) -> _Lent:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.close(failed=kind is not None)

    def close(self, failed: bool = False) -> None:
        if not self._back:
            object.__setattr__(self, "_back", True)
            self._kept.give_back(failed)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kept.conn, name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._kept.conn, name, value)


_kept: dict[str, _Kept] = {}


@contextmanager
def kept_open(url: str) -> Iterator[None]:
    """Within, every `connect(url)` reuses one connection to the target: a command's steps
    (plan, apply, the rollback's checks) each opened their own, and a new session reads the
    catalog at about twice the cost of a warm one (its caches fill on the first read).

    Only for a URL nobody drops or renames meanwhile (a target, never a shadow database).
    Nested scopes of the same URL share the outer one's connection."""
    if url in _kept:
        yield
        return
    kept = _kept[url] = _Kept(url)
    try:
        yield
    finally:
        del _kept[url]
        kept.close()
