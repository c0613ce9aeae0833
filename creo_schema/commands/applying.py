"""`apply`, `rollback` and `history`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from creo_schema.apply import history as history_table
from creo_schema.apply.run import (
    ApplyResult,
    BackupHook,
    PendingRollback,
    apply_plan,
    prepare_rollback,
    run_rollback,
)
from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.plan.model import Plan, PlannedStatement

if TYPE_CHECKING:
    from creo_schema.backup import BackupMode, BackupResult


def apply(
    settings: Settings,
    plan: Plan,
    *,
    wait: bool = False,
    allowed: set[str] | None = None,
    backup: BackupMode = "changed",
) -> ApplyResult:
    """Apply; the tables the plan can lose rows from are backed up first (`backup`)."""
    target = resolve_target(settings)
    hook = _backup_hook(settings, backup, f"apply of source {plan.source_fingerprint[:12]}")
    return apply_plan(settings, target, plan, wait=wait, allowed=allowed or set(), backup=hook)


def refuse_missing_roles(settings: Settings, plan: Plan) -> None:
    """Refuse (exit 4) a plan that names a role the target lacks, before asking anything."""
    from creo_schema.roles import existing_roles
    from creo_schema.roles import refuse_missing_roles as refuse

    if not plan.has_changes:
        return
    with connect(resolve_target(settings), autocommit=True) as conn:
        existing = existing_roles(conn)
    refuse(plan, existing)


def pending_rollback(settings: Settings, migration_id: int | None) -> PendingRollback:
    return prepare_rollback(resolve_target(settings), migration_id)


def roll_back(
    settings: Settings,
    pending: PendingRollback,
    allowed: set[str] | None = None,
    backup: BackupMode = "changed",
) -> ApplyResult:
    hook = _backup_hook(settings, backup, f"rollback of migration {pending.migration.id}")
    return run_rollback(
        settings, resolve_target(settings), pending, allowed=allowed or set(), backup=hook
    )


def history(settings: Settings, limit: int) -> list[history_table.HistoryRecord]:
    with connect(resolve_target(settings), autocommit=True) as conn:
        return history_table.history(conn, limit)


def _backup_hook(settings: Settings, mode: BackupMode, hint: str) -> BackupHook | None:
    if mode == "none":
        return None

    def back_up(url: str, statements: tuple[PlannedStatement, ...]) -> BackupResult | None:
        from creo_schema.backup import take_backup

        return take_backup(settings, url, hint, mode=mode, statements=statements)

    return back_up
