"""`apply`, `rollback` and `history`."""

from __future__ import annotations

from creo_schema.apply import history as history_table
from creo_schema.apply.run import ApplyResult, apply_plan, rollback
from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.plan.model import Plan


def apply(
    settings: Settings,
    plan: Plan,
    *,
    wait: bool = False,
    allowed: set[str] | None = None,
    backup: bool = False,
) -> ApplyResult:
    """Apply; with `backup`, the managed tables are backed up first (the guide's promise)."""

    def back_up(url: str) -> str:
        from creo_schema.backup import take_backup

        return take_backup(settings, url, f"apply of source {plan.source_fingerprint[:12]}")

    target = resolve_target(settings)
    return apply_plan(
        settings,
        target,
        plan,
        wait=wait,
        allowed=allowed or set(),
        backup=back_up if backup else None,
    )


def roll_back(
    settings: Settings, migration_id: int | None, allowed: set[str] | None = None
) -> tuple[int, ApplyResult]:
    return rollback(settings, resolve_target(settings), migration_id, allowed=allowed or set())


def history(settings: Settings, limit: int) -> list[history_table.HistoryRecord]:
    with connect(resolve_target(settings), autocommit=True) as conn:
        return history_table.history(conn, limit)
