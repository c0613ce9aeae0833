"""Run planned statements phase by phase; shared by apply and by plan verification.

The main phase is one transaction: it either all happens or none of it does. Concurrent
index builds run one by one outside any transaction, each cleaned up if it fails (an
interrupted `CREATE INDEX CONCURRENTLY` leaves an invalid index behind). Validations run in
transactions of their own. A statement that times out waiting for a lock is retried, the
whole transaction with it, so a busy table delays the change instead of queueing traffic
behind an ACCESS EXCLUSIVE request.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus

from creo_schema.db import Connection, one_row
from creo_schema.errors import DatabaseError
from creo_schema.plan.conninfo import server_sql
from creo_schema.plan_document import PlannedStatement

OnCommit = Callable[[Any, str], None]
AfterEach = Callable[[int], None]


def run_statements(
    conn: Connection,
    statements: Sequence[PlannedStatement],
    *,
    lock_retries: int = 0,
    on_main_commit: OnCommit | None = None,
    after_each: AfterEach | None = None,
    retry_pause: float = 0.5,
    shadow: bool = False,
) -> None:
    """Execute on an autocommit connection.

    `on_main_commit(conn, phase)` runs inside each transaction of the main and post phases
    just before commit (apply writes its history row there); `after_each(number)` after
    each statement (the crash tests use it). `shadow`: the statements run in the shadow,
    as their `shadow_sql` says where they have one (no publisher can be reached there);
    elsewhere a connection string is read from the environment (plan/conninfo.py).
    """
    runner = _Runner(conn, on_main_commit, after_each, shadow)
    # Function bodies are checked when they run, not when they are created (as pg_dump and
    # the shadow's load do): a function may then be created before the tables it reads.
    conn.execute("select set_config('check_function_bodies', 'off', false)")
    # Every name a plan prints is schema-qualified: with no search path, none resolves
    # through a schema the session happens to have first (as the migration files set it).
    # The session's own is given back after: what reads the catalog next prints names
    # relative to it.
    path = one_row(conn.execute("select current_setting('search_path')"))[0]
    conn.execute("select set_config('search_path', '', false)")
    try:
        _run_phases(runner, statements, lock_retries, retry_pause)
    finally:
        if not conn.closed and conn.info.transaction_status == TransactionStatus.IDLE:
            conn.execute("select set_config('search_path', %s, false)", (path,))


def _run_phases(
    runner: _Runner,
    statements: Sequence[PlannedStatement],
    lock_retries: int,
    retry_pause: float,
) -> None:
    number = 0
    for phase, group in groupby(statements, key=lambda s: s.phase):
        batch = list(group)
        if phase in ("main", "post"):
            _with_retries(
                partial(runner.transaction, batch, number, phase), lock_retries, retry_pause
            )
        else:
            # pre and validate: each statement in a transaction of its own
            action = runner.alone if phase == "concurrent" else runner.own_transaction
            for offset, statement in enumerate(batch):
                _with_retries(
                    partial(action, statement, number + offset + 1), lock_retries, retry_pause
                )
        number += len(batch)


@dataclass
class _Runner:
    conn: Connection
    on_commit: OnCommit | None
    after_each: AfterEach | None
    shadow: bool = False

    def transaction(self, batch: list[PlannedStatement], first: int, phase: str) -> None:
        with self.conn.transaction():
            for offset, statement in enumerate(batch):
                self.execute(statement, first + offset + 1)
            if self.on_commit:
                self.on_commit(self.conn, phase)

    def own_transaction(self, statement: PlannedStatement, number: int) -> None:
        with self.conn.transaction():
            self.execute(statement, number)

    def alone(self, statement: PlannedStatement, number: int) -> None:
        try:
            self.execute(statement, number)
        except DatabaseError:
            _drop_invalid_index(self.conn, statement)
            raise

    def execute(self, statement: PlannedStatement, number: int) -> None:
        if self.shadow and statement.shadow_sql:
            text = statement.shadow_sql
        else:
            text = server_sql(statement)
        try:
            self.conn.execute(text)
        except psycopg.Error as error:
            primary = error.diag.message_primary or str(error).splitlines()[0]
            raise DatabaseError(
                f"statement {number} ({statement.phase} phase) failed: {primary} "
                f"[{shortened(statement.sql)}]",
                details={
                    "sqlstate": error.diag.sqlstate,
                    "statement": statement.sql,
                    "number": number,
                },
            ) from None
        if self.after_each:
            self.after_each(number)


def shortened(sql: str, limit: int = 100) -> str:
    """A statement's first line, cut at a word boundary, never mid-word."""
    line = " ".join(sql.strip().splitlines()[0].split()) if sql.strip() else ""
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return f"{cut} ..."


def _drop_invalid_index(conn: Connection, statement: PlannedStatement) -> None:
    """A failed concurrent build leaves an invalid index: remove it so a re-run converges."""
    if statement.operation != "create_index":
        return
    # The index's id name, as SQL names it (schema.index, quoted where needed).
    row = conn.execute(
        "select format('%%I.%%I', n.nspname, c.relname) from pg_index i "
        "join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace "
        "where c.oid = to_regclass(%s) and not i.indisvalid",
        (statement.target,),
    ).fetchone()
    if row:
        conn.execute(f"drop index concurrently if exists {row[0]}")


def _with_retries(action: Callable[[], None], retries: int, pause: float) -> None:
    attempt = 0
    while True:
        try:
            action()
            return
        except DatabaseError as error:
            lock_timeout = error.details.get("sqlstate") == pg_errors.LockNotAvailable.sqlstate
            if not lock_timeout or attempt >= retries:
                raise
            attempt += 1
            time.sleep(pause * 2 ** (attempt - 1))
