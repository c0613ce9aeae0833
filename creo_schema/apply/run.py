"""Apply a plan, or a recorded rollback, to the target.

Order of the checks matters: take the advisory lock first (two applies never interleave),
then measure the target (a plan made against another state is refused), then refuse hazards
nobody allowed, then back up what can be lost, then run the phases. The history row is
written inside the main transaction, so the database holds either the old schema and no
row, or the new one and a row saying so; the Supabase CLI's history row (migrations/
history.py) is written, or on a rollback removed, in that same transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.types.json import Jsonb
from pydantic import ValidationError

from creo_schema.apply.history import APPLY_LOCK_KEY, HistoryRecord, ensure_history, find, record
from creo_schema.apply.left import DesiredCatalog, Left, differences_left
from creo_schema.apply.recorded import planned_from_sql
from creo_schema.catalog import Inspection, Scope, inspect
from creo_schema.catalog.signature import catalog_signature
from creo_schema.config import Settings
from creo_schema.db import Connection, connect, one_row
from creo_schema.errors import DatabaseError, SafetyError
from creo_schema.migrations.history import SupabaseRecord, remove_recorded
from creo_schema.plan import cache
from creo_schema.plan.checks import failing_checks
from creo_schema.plan.conninfo import refuse_unset
from creo_schema.plan.execute import run_statements
from creo_schema.plan.safety import check_allowed
from creo_schema.plan_document import Plan, PlannedStatement

if TYPE_CHECKING:
    from creo_schema.backup import BackupResult


# backup(target URL, the statements about to run) -> the backup taken, or None.
BackupHook = Callable[[str, tuple[PlannedStatement, ...]], "BackupResult | None"]


@dataclass(frozen=True)
class ApplyResult:
    migration_id: int | None
    statements: int
    duration_ms: int
    drift_left: bool
    backup: BackupResult | None = None
    # When the database differs from the plan's desired state after applying: what differs
    # (apply/left.py), also recorded as the migration's error.
    left: Left | None = None
    # The versions recorded in (apply) or removed from (rollback)
    # supabase_migrations.schema_migrations, in the migration's transaction.
    supabase_versions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PendingRollback:
    """A migration's recorded rollback, checked against the database, not yet run."""

    migration: HistoryRecord
    statements: tuple[PlannedStatement, ...]
    recorded: bool  # hazards as planned (True), or classified again from down_sql (older rows)
    # The catalog signature when the state was checked: unchanged when the rollback runs,
    # the check holds without reading the catalog again.
    signature: str | None = None


def apply_plan(
    settings: Settings,
    target_url: str,
    plan: Plan,
    *,
    allowed: Iterable[str] = (),
    wait: bool = False,
    backup: BackupHook | None = None,
    desired: DesiredCatalog | None = None,
) -> ApplyResult:
    """Apply `plan`; `backup` is called first when given (the guide's backup before every
    migration); the rollback's statements are recorded with their hazards. If the database
    then differs from the plan's desired state, the migration is recorded as failed, with
    what differs from `desired` (the desired state's catalog, when it can be found)."""
    check_allowed(plan.statements, set(allowed), what="the plan")
    refuse_unset(plan.statements, "the plan")  # before anything is touched
    with connect(target_url, autocommit=True) as conn, _apply_lock(conn, wait):
        now = _target_as_planned(conn, plan)
        if not plan.has_changes:
            return ApplyResult(None, 0, 0, drift_left=False)
        refuse_failing_rows(conn, plan.statements, "the plan")
        taken = backup(target_url, plan.statements) if backup else None
        supabase = _SupabaseHistory(settings, plan=plan)
        migration_id, duration = _run_plan(conn, settings, plan, now, supabase, taken)
        after, signature = _inspect_after(conn, plan.scope)
        _set_after(conn, migration_id, after.fingerprint, signature)
        done = ApplyResult(
            migration_id,
            len(plan.statements),
            duration,
            False,
            taken,
            supabase_versions=supabase.versions,
        )
        if after.fingerprint == plan.desired_fingerprint:
            return done
        left = Left(
            len(plan.statements),
            differences_left(after.catalog, desired() if desired else None),
            after.fingerprint,
            plan.desired_fingerprint,
        )
        _set_status(conn, migration_id, "failed", duration, left.message())
        return dataclasses.replace(done, drift_left=True, left=left)


def _target_as_planned(conn: Connection, plan: Plan) -> str:
    """The target's fingerprint, refused unless it is still the one the plan was made
    against; the history table is made, and rows of interrupted applies closed, meanwhile."""
    # Measured before the history table is made (the first apply makes it, outside the
    # managed schemas): a signature still the plan's says nothing changed since.
    unchanged = _signature_unchanged(conn, plan)
    ensure_history(conn)
    _close_interrupted(conn)
    now = plan.target_fingerprint if unchanged else _fingerprint(conn, plan)
    if now != plan.target_fingerprint:
        raise SafetyError(
            "the target changed since this plan was made "
            f"(planned against {plan.target_fingerprint[:12]}, now {now[:12]})",
            hint="run `creo-schema plan` again and review the new plan",
        )
    return now


def _run_plan(
    conn: Connection,
    settings: Settings,
    plan: Plan,
    fingerprint_before: str,
    supabase: _SupabaseHistory,
    taken: BackupResult | None,
) -> tuple[int, int]:
    """Run the plan's statements, its history row recording what a rollback needs."""
    return _run(
        conn,
        settings,
        plan.statements,
        in_transaction=supabase,
        source_fingerprint=plan.source_fingerprint,
        schema_fingerprint_before=fingerprint_before,
        managed_schemas=list(plan.managed_schemas),
        managed_roles=list(plan.managed_roles),
        extensions=list(plan.extensions),
        subscriptions=list(plan.subscriptions),
        up_sql=plan.up_sql,
        down_sql=plan.down_sql,
        down_statements=Jsonb([s.model_dump(mode="json") for s in plan.rollback]),
        kind="apply",
        backup_id=taken.id if taken else None,
    )


def _signature_unchanged(conn: Connection, plan: Plan) -> bool:
    """Whether the target's catalog signature is still the one taken before the plan
    inspected it: then nothing a diff reads has changed since (any DDL, GRANT or COMMENT moves
    it), and the plan's fingerprint of the target holds without reading the catalog again,
    as `_rollback_row` trusts the signature recorded after an apply."""
    return bool(plan.target_signature) and catalog_signature(conn) == plan.target_signature


def _fingerprint(conn: Connection, plan: Plan) -> str:
    return inspect(conn, plan.scope).fingerprint


def prepare_rollback(
    target_url: str, migration_id: int | None, *, platform: str = "supabase"
) -> PendingRollback:
    """What rolling back `migration_id` (the latest applied by default) would run; refused
    (SafetyError) when there is none or the database has moved on (read as `platform` reads
    it). Writes nothing."""
    with connect(target_url, autocommit=True) as conn:
        signature = catalog_signature(conn)  # before the read: a change meanwhile moves it
        row = _rollback_row(conn, migration_id, signature, platform=platform)
    statements, recorded = _rollback_statements(row)
    return PendingRollback(row, statements, recorded, signature)


def rollback(
    settings: Settings,
    target_url: str,
    migration_id: int | None,
    *,
    allowed: Iterable[str] = (),
    backup: BackupHook | None = None,
) -> tuple[int, ApplyResult]:
    """Prepare and run the rollback of a migration (the latest applied one by default),
    without showing it: for callers that reviewed it otherwise."""
    pending = prepare_rollback(target_url, migration_id, platform=settings.platform)
    done = run_rollback(settings, target_url, pending, allowed=allowed, backup=backup)
    return pending.migration.id, done


def run_rollback(
    settings: Settings,
    target_url: str,
    pending: PendingRollback,
    *,
    allowed: Iterable[str] = (),
    backup: BackupHook | None = None,
) -> ApplyResult:
    """Run a prepared rollback, after checking again, under the apply lock, that the
    migration is still applied and the database still in the state it left."""
    what = f"the rollback of migration {pending.migration.id}"
    check_allowed(pending.statements, set(allowed), what=what)
    refuse_unset(pending.statements, what)  # before anything is touched
    with connect(target_url, autocommit=True) as conn:
        ensure_history(conn)
        with _apply_lock(conn, wait=False):
            _close_interrupted(conn)
            row = _rollback_row(
                conn,
                pending.migration.id,
                catalog_signature(conn),
                shown_at=pending.signature,
                platform=settings.platform,
            )
            statements = pending.statements
            refuse_failing_rows(conn, statements, what)
            taken = backup(target_url, statements) if backup else None
            supabase = _SupabaseHistory(settings, undoes=row)
            new_id, duration = _run(
                conn,
                settings,
                statements,
                in_transaction=supabase,
                source_fingerprint=row.source_fingerprint,
                schema_fingerprint_before=row.schema_fingerprint_after,
                managed_schemas=row.managed_schemas,
                managed_roles=row.managed_roles or [],
                extensions=row.extensions,
                subscriptions=row.subscriptions,
                up_sql=row.down_sql,
                down_sql=row.up_sql,
                kind="rollback",
                rolls_back=row.id,
                backup_id=taken.id if taken else None,
            )
            inspected, signature = _inspect_after(conn, row.scope(settings.platform))
            after = inspected.fingerprint
            _set_after(conn, new_id, after, signature)
            return ApplyResult(
                new_id,
                len(statements),
                duration,
                after != row.schema_fingerprint_before,
                taken,
                supabase_versions=supabase.versions,
            )


def refuse_failing_rows(
    conn: Connection, statements: Iterable[PlannedStatement], what: str
) -> None:
    """The rows the statements would fail on, counted again just before they run (the
    data may have changed since the plan was made): refused, the database untouched."""
    problems = failing_checks(conn, [s for s in statements if s.checks])
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise SafetyError(
            f"{what} would fail on the rows of the database: {problems[0]}{more}",
            hint="nothing was changed; fix those rows first, then try again",
            details={"problems": problems},
        )


def _rollback_row(
    conn: Connection,
    migration_id: int | None,
    signature: str,
    *,
    shown_at: str | None = None,
    platform: str,
) -> HistoryRecord:
    """The applied migration to roll back, with the database still in the state it left.

    `signature` is the catalog's now (taken before anything else is read). When it is the
    one recorded with that state, or the one under which `prepare_rollback` showed it
    (`shown_at`), nothing has changed since: the catalog is not read again."""
    row = find(conn, migration_id)
    if row is None:
        what = f"migration {migration_id}" if migration_id else "an applied migration"
        raise SafetyError(f"no {what} to roll back", hint="see `creo-schema history`")
    if row.kind != "apply" or row.status != "applied":
        raise SafetyError(
            f"migration {row.id} is {row.kind} / {row.status}: it cannot be rolled back"
        )
    if signature in (row.schema_signature_after, shown_at):
        return row
    now = inspect(conn, row.scope(platform)).fingerprint
    if now != row.schema_fingerprint_after:
        raise SafetyError(
            f"the database is no longer in the state migration {row.id} left "
            f"(expected {str(row.schema_fingerprint_after)[:12]}, found {now[:12]})",
            hint="run `creo-schema drift` to see what changed since",
        )
    return row


def _inspect_after(conn: Connection, scope: Scope) -> tuple[Inspection, str]:
    """The database just changed, inspected, with its catalog signature; remembered under
    it, as `plan` remembers a target's (plan/build.py), so that the next plan or drift check
    of it need not read the catalog again (nor a rollback, which finds it in the history)."""
    signature = catalog_signature(conn)  # before the read: a change meanwhile moves it
    after = inspect(conn, scope)
    key = cache.target_key(signature, scope)
    cache.store_target(key, after)
    return after, signature


def _rollback_statements(row: HistoryRecord) -> tuple[tuple[PlannedStatement, ...], bool]:
    """The statements as planned, with the hazards the plan gave them (which knew the column
    types: a widening stays a widening); rows from before they were recorded, or unreadable
    records, are classified again from their SQL."""
    if row.down_statements is not None:
        try:
            return tuple(PlannedStatement.model_validate(s) for s in row.down_statements), True
        except ValidationError:
            pass
    return planned_from_sql(row.down_sql), False


def _run(
    conn: Connection,
    settings: Settings,
    statements: tuple[PlannedStatement, ...],
    *,
    in_transaction: Callable[[Any, int], None] | None = None,
    **history: object,
) -> tuple[int, int]:
    """Run the statements and write their history row in the main transaction, with
    `in_transaction(conn, migration id)` (what the migration writes beside it)."""
    started = time.monotonic()
    recorded: list[int] = []

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    def write_history(tx_conn: Connection, phase: str) -> None:
        if recorded:
            return
        migration_id = record(tx_conn, status="running", duration_ms=elapsed(), **history)
        if in_transaction:
            in_transaction(tx_conn, migration_id)
        recorded.append(migration_id)
        if history.get("rolls_back"):
            tx_conn.execute(
                "update creo_schema.migrations set status = 'rolled_back' where id = %s",
                (history["rolls_back"],),
            )

    conn.execute("select set_config('lock_timeout', %s, false)", (settings.lock_timeout,))
    conn.execute("select set_config('statement_timeout', %s, false)", (settings.statement_timeout,))
    try:
        run_statements(
            conn,
            statements,
            lock_retries=settings.lock_retries,
            on_main_commit=write_history,
            after_each=_fault_injection(),
        )
    except DatabaseError as error:
        if recorded:
            _set_status(conn, recorded[0], "failed", elapsed(), error.message)
        else:
            record(conn, status="failed", duration_ms=elapsed(), error=error.message, **history)
        raise
    finally:
        with contextlib.suppress(psycopg.Error):
            conn.execute("reset lock_timeout")
            conn.execute("reset statement_timeout")
    if not recorded:  # a plan without a main phase (e.g. only concurrent index builds)
        with conn.transaction():
            write_history(conn, "none")
    _set_status(conn, recorded[0], "applied", elapsed(), None)
    return recorded[0], elapsed()


class _SupabaseHistory:
    """supabase_migrations.schema_migrations kept true in the migration's transaction
    (migrations/history.py): an apply records its versions, and keeps them in its own history
    row; a rollback removes those of the migration it `undoes`. Nothing when
    supabase_migration_history is off."""

    def __init__(
        self, settings: Settings, *, plan: Plan | None = None, undoes: HistoryRecord | None = None
    ) -> None:
        self.on = settings.supabase_migration_history
        self.record = SupabaseRecord(plan, settings.supabase_dir) if self.on and plan else None
        self.undoes = undoes
        self.versions: tuple[str, ...] = ()

    def __call__(self, conn: Connection, migration_id: int) -> None:
        if self.undoes is not None:
            if self.on:
                undone = self.undoes
                self.versions = tuple(remove_recorded(conn, undone.id, undone.supabase_versions))
            return
        if self.record is not None:
            self.versions = self.record.write(conn, migration_id)
        conn.execute(
            "update creo_schema.migrations set supabase_versions = %s where id = %s",
            (list(self.versions), migration_id),
        )


def _fault_injection() -> Callable[[int], None] | None:
    """For the crash tests only: die like `kill -9` right after statement N."""
    kill_after = int(os.environ.get("CREO_SCHEMA_TEST_KILL_AFTER_STATEMENT") or 0)
    if not kill_after:
        return None

    def maybe_die(number: int) -> None:
        if number == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    return maybe_die


def _close_interrupted(conn: Connection) -> None:
    """Rows still `running` while we hold the apply lock belong to a process that died."""
    conn.execute(
        "update creo_schema.migrations set status = 'failed', "
        "error = 'interrupted: the applying process ended after the main transaction "
        "committed; later phases may be missing (plan and apply again to finish)' "
        "where status = 'running'"
    )


def _set_status(
    conn: Connection, migration_id: int, status: str, duration: int, error: str | None
) -> None:
    conn.execute(
        "update creo_schema.migrations set status = %s, duration_ms = %s, error = %s where id = %s",
        (status, duration, error, migration_id),
    )


def _set_after(conn: Connection, migration_id: int, fingerprint: str, signature: str) -> None:
    conn.execute(
        "update creo_schema.migrations set schema_fingerprint_after = %s,"
        " schema_signature_after = %s where id = %s",
        (fingerprint, signature, migration_id),
    )


class _apply_lock:
    def __init__(self, conn: Connection, wait: bool) -> None:
        self.conn, self.wait = conn, wait

    def __enter__(self) -> None:
        if self.wait:
            self.conn.execute("select pg_advisory_lock(%s)", (APPLY_LOCK_KEY,))
            return
        got = one_row(self.conn.execute("select pg_try_advisory_lock(%s)", (APPLY_LOCK_KEY,)))[0]
        if not got:
            raise SafetyError(
                "another creo-schema apply is running on this database",
                hint="wait for it, or pass --wait to queue behind it",
            )

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.execute("select pg_advisory_unlock(%s)", (APPLY_LOCK_KEY,))
