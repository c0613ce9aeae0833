"""Apply a plan, or a recorded rollback, to the target.

Order of the checks matters: take the advisory lock first (two applies never interleave),
then measure the target (a plan made against another state is refused), then run every
statement in one transaction together with its history row, so that the database holds
either the old schema or the new one and the history says which.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import Any

import pglast
import psycopg

from creo_schema.apply.history import APPLY_LOCK_KEY, ensure_history, find, record
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.diff.engine import inspect
from creo_schema.errors import DatabaseError, SafetyError
from creo_schema.plan.model import Plan


@dataclass(frozen=True)
class ApplyResult:
    migration_id: int | None
    statements: int
    duration_ms: int
    drift_left: bool


def apply_plan(
    settings: Settings, target_url: str, plan: Plan, *, wait: bool = False
) -> ApplyResult:
    with connect(target_url, autocommit=True) as conn:
        ensure_history(conn)
        with _apply_lock(conn, wait):
            now = inspect(conn, plan.managed_schemas, plan.extensions).fingerprint
            if now != plan.target_fingerprint:
                raise SafetyError(
                    "the target changed since this plan was made "
                    f"(planned against {plan.target_fingerprint[:12]}, now {now[:12]})",
                    hint="run `creo-schema plan` again and review the new plan",
                )
            if not plan.has_changes:
                return ApplyResult(None, 0, 0, drift_left=False)
            migration_id, duration = _run(
                conn,
                settings,
                [s.sql for s in plan.statements],
                source_fingerprint=plan.source_fingerprint,
                schema_fingerprint_before=now,
                managed_schemas=list(plan.managed_schemas),
                extensions=list(plan.extensions),
                up_sql=plan.up_sql,
                down_sql=plan.down_sql,
                kind="apply",
            )
            return _finish(
                conn, migration_id, plan.desired_fingerprint, plan, len(plan.statements), duration
            )


def rollback(
    settings: Settings, target_url: str, migration_id: int | None
) -> tuple[int, ApplyResult]:
    """Apply the recorded rollback of a migration (the latest applied one by default)."""
    with connect(target_url, autocommit=True) as conn:
        ensure_history(conn)
        with _apply_lock(conn, wait=False):
            row = find(conn, migration_id)
            if row is None:
                what = f"migration {migration_id}" if migration_id else "an applied migration"
                raise SafetyError(f"no {what} to roll back", hint="see `creo-schema history`")
            if row.kind != "apply" or row.status != "applied":
                raise SafetyError(
                    f"migration {row.id} is {row.kind} / {row.status}: it cannot be rolled back"
                )
            now = inspect(conn, tuple(row.managed_schemas), tuple(row.extensions)).fingerprint
            if now != row.schema_fingerprint_after:
                raise SafetyError(
                    f"the database is no longer in the state migration {row.id} left "
                    f"(expected {str(row.schema_fingerprint_after)[:12]}, found {now[:12]})",
                    hint="run `creo-schema drift` to see what changed since",
                )
            statements = _split(row.down_sql)
            new_id, duration = _run(
                conn,
                settings,
                statements,
                source_fingerprint=row.source_fingerprint,
                schema_fingerprint_before=now,
                managed_schemas=row.managed_schemas,
                extensions=row.extensions,
                up_sql=row.down_sql,
                down_sql=row.up_sql,
                kind="rollback",
                rolls_back=row.id,
            )
            after = inspect(conn, tuple(row.managed_schemas), tuple(row.extensions)).fingerprint
            conn.execute(
                "update creo_schema.migrations set schema_fingerprint_after = %s where id = %s",
                (after, new_id),
            )
            result = ApplyResult(
                new_id, len(statements), duration, after != row.schema_fingerprint_before
            )
            return row.id, result


def _run(conn: Any, settings: Settings, statements: list[str], **history: Any) -> tuple[int, int]:
    started = time.monotonic()
    conn.execute("select set_config('lock_timeout', %s, false)", (settings.lock_timeout,))
    conn.execute("select set_config('statement_timeout', %s, false)", (settings.statement_timeout,))
    try:
        with conn.transaction():
            for number, statement in enumerate(statements, start=1):
                _execute(conn, number, statement)
            duration = int((time.monotonic() - started) * 1000)
            migration_id = record(conn, status="applied", duration_ms=duration, **history)
            if history.get("rolls_back"):
                conn.execute(
                    "update creo_schema.migrations set status = 'rolled_back' where id = %s",
                    (history["rolls_back"],),
                )
    except DatabaseError as error:
        duration = int((time.monotonic() - started) * 1000)
        record(conn, status="failed", duration_ms=duration, error=error.message, **history)
        raise
    finally:
        conn.execute("reset lock_timeout")
        conn.execute("reset statement_timeout")
    return migration_id, duration


def _execute(conn: Any, number: int, statement: str) -> None:
    try:
        conn.execute(statement)
    except psycopg.Error as error:
        primary = error.diag.message_primary or str(error).splitlines()[0]
        first_line = statement.strip().splitlines()[0][:80]
        raise DatabaseError(
            f"statement {number} failed, nothing was changed: {primary} [{first_line}]",
            details={"sqlstate": error.diag.sqlstate, "statement": statement},
        ) from None


def _finish(
    conn: Any, migration_id: int, desired: str, plan: Plan, count: int, duration: int
) -> ApplyResult:
    after = inspect(conn, plan.managed_schemas, plan.extensions).fingerprint
    conn.execute(
        "update creo_schema.migrations set schema_fingerprint_after = %s where id = %s",
        (after, migration_id),
    )
    return ApplyResult(migration_id, count, duration, drift_left=after != desired)


class _apply_lock:
    def __init__(self, conn: Any, wait: bool) -> None:
        self.conn, self.wait = conn, wait

    def __enter__(self) -> None:
        if self.wait:
            self.conn.execute("select pg_advisory_lock(%s)", (APPLY_LOCK_KEY,))
            return
        got = self.conn.execute("select pg_try_advisory_lock(%s)", (APPLY_LOCK_KEY,)).fetchone()[0]
        if not got:
            raise SafetyError(
                "another creo-schema apply is running on this database",
                hint="wait for it, or pass --wait to queue behind it",
            )

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.execute("select pg_advisory_unlock(%s)", (APPLY_LOCK_KEY,))


def _split(sql: str) -> list[str]:
    return [part.strip() for part in pglast.split(sql) if part.strip()] if sql.strip() else []
