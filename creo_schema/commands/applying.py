"""`apply`, `rollback` and `history`.

`plan_and_apply` and `show_and_roll_back` are the two workflows whole: what is shown, what
refuses and when, what is asked, what runs. The command line gives them a way to show a
plan or a rollback and a way to ask, and renders the outcome, which serializes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from creo_schema.apply import history as history_table
from creo_schema.apply.run import (
    ApplyResult,
    BackupHook,
    PendingRollback,
    apply_plan,
    prepare_rollback,
    run_rollback,
)
from creo_schema.catalog import CatalogSnapshot
from creo_schema.commands.confirm import Ask, require_approval
from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.db import connect, kept_open
from creo_schema.errors import CreoError, SafetyError
from creo_schema.plan.safety import check_allowed
from creo_schema.plan.timings import Progress
from creo_schema.plan_document import Plan, PlannedStatement, read_plan
from creo_schema.words import these

if TYPE_CHECKING:
    from creo_schema.backup import BackupMode, BackupResult


@dataclass(frozen=True)
class Applied:
    """What `apply` did: the plan it was given or made, and the migration that ran (None
    when the plan changed nothing). `left`: the database still differs from the plan's
    desired state (exit 4, the migration recorded as failed)."""

    plan: Plan
    result: ApplyResult | None = None
    left: SafetyError | None = None

    def to_dict(self) -> dict[str, Any]:
        result = self.result
        if result is None:
            return {"applied": False, "migration_id": None, "statements": 0}
        left = self.left
        return {
            "applied": True,
            "migration_id": result.migration_id,
            "statements": result.statements,
            "duration_ms": result.duration_ms,
            "drift_left": result.drift_left,
            "differences": list(result.left.differences) if result.left else [],
            "supabase_versions": list(result.supabase_versions),
            "backup": result.backup.to_dict() if result.backup else None,
            **({"exit_code": left.exit_code, "error": left.to_dict()} if left else {}),
        }


def plan_and_apply(
    settings: Settings,
    plan_file: Path | None,
    *,
    approved: bool,
    ask: Ask | None,
    show: Callable[[Plan], None],
    wait: bool = False,
    allowed: set[str] | None = None,
    backup: BackupMode = "changed",
    progress: Progress | None = None,
) -> Applied:
    """The reviewed plan (or one made now) shown, checked, approved and applied, on one
    connection to the target. Refusals raise (exit 4) before anything runs."""
    allowed = allowed or set()
    with one_session(settings):
        made = plan_to_apply(settings, plan_file, progress)
        if not made.has_changes:
            return Applied(made)
        show(made)
        check_before_apply(settings, made, allowed, approved=approved, ask=ask)
        result = apply(settings, made, wait=wait, allowed=allowed, backup=backup)
    return Applied(made, result, left_error(result))


@dataclass(frozen=True)
class RolledBack:
    """What `rollback` did: the migration's recorded rollback, and the migration that ran
    it, or what refused it (then nothing ran)."""

    pending: PendingRollback
    result: ApplyResult | None = None
    refusal: CreoError | None = None

    def to_dict(self) -> dict[str, Any]:
        result, refusal = self.result, self.refusal
        rolls_back = self.pending.migration.id
        return {
            "migration": rolls_back,
            "statements": [s.model_dump(mode="json") for s in self.pending.statements],
            "hazards_as_planned": self.pending.recorded,
            "rolled_back": rolls_back if result else None,
            "migration_id": result.migration_id if result else None,
            "duration_ms": result.duration_ms if result else None,
            "backup": result.backup.to_dict() if result and result.backup else None,
            "supabase_versions_removed": list(result.supabase_versions) if result else [],
            **(
                {"exit_code": refusal.exit_code, "error": refusal.to_dict()}
                if refusal is not None
                else {}
            ),
        }


def show_and_roll_back(
    settings: Settings,
    migration_id: int | None,
    *,
    approved: bool,
    ask: Ask | None,
    show: Callable[[PendingRollback], None],
    allowed: set[str] | None = None,
    backup: BackupMode = "changed",
) -> RolledBack:
    """A migration's recorded rollback (default: the latest applied) shown, checked,
    approved and run. A refusal once it is shown is returned with it, for the caller to
    render before raising it."""
    allowed = allowed or set()
    with one_session(settings):
        pending = pending_rollback(settings, migration_id)
        show(pending)
        try:
            check_before_rollback(pending, allowed, approved=approved, ask=ask)
            return RolledBack(pending, roll_back(settings, pending, allowed, backup))
        except CreoError as refusal:
            return RolledBack(pending, refusal=refusal)


def one_session(settings: Settings) -> AbstractContextManager[None]:
    """The target's connection kept open along the command's steps (plan, the checks,
    apply; or the rollback's check and run): each would open its own (db.kept_open)."""
    return kept_open(settings.database_url) if settings.database_url else nullcontext()


def apply(
    settings: Settings,
    plan: Plan,
    *,
    wait: bool = False,
    allowed: set[str] | None = None,
    backup: BackupMode = "changed",
) -> ApplyResult:
    """Apply; the tables the plan can lose rows from are backed up first (`backup`); the
    migration is recorded for the Supabase CLI, in its transaction, where the target has its
    history table (`ApplyResult.supabase_versions`)."""
    target = resolve_target(settings)
    hook = _backup_hook(settings, backup, f"apply of source {plan.source_fingerprint[:12]}")
    return apply_plan(
        settings,
        target,
        plan,
        wait=wait,
        allowed=allowed or set(),
        backup=hook,
        desired=lambda: desired_catalog(settings, plan),
    )


def desired_catalog(settings: Settings, plan: Plan) -> CatalogSnapshot | None:
    """The catalog of the state `plan` was made to reach, to name what a database still
    differs in after it was applied: the desired state the plan remembered (plan/cache.py)
    when these settings made it, else schema/ loaded again, if it still gives that state;
    None when neither does."""
    from creo_schema.plan import cache
    from creo_schema.plan.unchanged import desired_state_key

    key = desired_state_key(settings, plan.source_fingerprint, plan.server_major, plan.applier)
    state = cache.load(key)
    if state is not None and state.inspected.fingerprint == plan.desired_fingerprint:
        return state.inspected.catalog
    return _loaded_again(settings, plan)


def _loaded_again(settings: Settings, plan: Plan) -> CatalogSnapshot | None:
    """schema/'s desired state, loaded again by a drift check (read-only; it remembers the
    desired state it loads), if it is the one `plan` was made to reach."""
    from creo_schema.commands.planning import drift
    from creo_schema.errors import CreoError
    from creo_schema.plan import cache
    from creo_schema.plan.unchanged import desired_state_key

    try:
        fresh = drift(settings).plan
    except CreoError:
        return None  # schema/ no longer plans: nothing to compare with
    if fresh.desired_fingerprint != plan.desired_fingerprint:
        return None
    key = desired_state_key(settings, fresh.source_fingerprint, fresh.server_major, fresh.applier)
    state = cache.load(key)
    return state.inspected.catalog if state is not None else None


def plan_to_apply(
    settings: Settings, plan_file: Path | None, progress: Progress | None = None
) -> Plan:
    """The reviewed plan file, else a plan made now."""
    from creo_schema.commands.planning import plan as make_plan

    if plan_file is not None:
        return read_plan(plan_file)
    return make_plan(settings, progress).plan


def check_before_apply(
    settings: Settings, plan: Plan, allowed: set[str], *, approved: bool, ask: Ask | None
) -> None:
    """Everything that refuses an apply (exit 4) before it runs, in the order a person
    should hear it: unproven, a hazard nobody allowed, a role the target lacks, and only
    then the question."""
    from creo_schema.commands.planning import refuse_unverified

    refuse_unverified(plan)
    check_allowed(plan.statements, allowed, what="the plan")
    refuse_missing_roles(settings, plan)
    require_approval(
        f"Apply {these(len(plan.statements), 'statement')}?",
        approved=approved,
        ask=ask,
        unattended="not applying without confirmation",
        declined="not applied: declined at the prompt",
    )


def left_error(result: ApplyResult) -> SafetyError | None:
    """A proven plan that leaves the database different from its desired state is a defect
    (or something changed the database meanwhile): exit 4, naming what differs."""
    if result.left is None:
        return None
    return SafetyError(
        f"migration {result.migration_id}: {result.left.message(shown=3)}",
        hint="the migration is recorded as failed (`creo-schema history` shows all that "
        "differs); `creo-schema plan` shows what it takes now to reach schema/. If nothing "
        "else changed the database meanwhile, please report this plan: it was proven to "
        "leave no difference",
        details={
            "migration_id": result.migration_id,
            "differences": list(result.left.differences),
        },
    )


def check_before_rollback(
    pending: PendingRollback, allowed: set[str], *, approved: bool, ask: Ask | None
) -> None:
    rolls_back = pending.migration.id
    check_allowed(pending.statements, allowed, what=f"the rollback of migration {rolls_back}")
    require_approval(
        f"Roll back migration {rolls_back} with {these(len(pending.statements), 'statement')}?",
        approved=approved,
        ask=ask,
        unattended="not rolling back without confirmation",
        declined="not rolled back: declined at the prompt",
    )


def refuse_missing_roles(settings: Settings, plan: Plan) -> None:
    """Refuse (exit 4) a plan that names a role the target lacks, before asking anything."""
    from creo_schema.commands.missing_roles import refuse_missing_roles as refuse
    from creo_schema.roles import existing_roles

    if not plan.has_changes:
        return
    with connect(resolve_target(settings), autocommit=True) as conn:
        existing = existing_roles(conn)
    refuse(plan, existing)


def pending_rollback(settings: Settings, migration_id: int | None) -> PendingRollback:
    return prepare_rollback(resolve_target(settings), migration_id, platform=settings.platform)


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
