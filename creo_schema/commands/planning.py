"""`plan` and `drift`: the same computation; drift is a plan that must be empty."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.commands.missing_roles import with_role_warnings
from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.db import Connection, connect
from creo_schema.errors import CreoError, SafetyError
from creo_schema.plan.safety import allowed_hazards, check_allowed
from creo_schema.plan.timings import Progress, Timings
from creo_schema.plan.unchanged import probe, unchanged_plan
from creo_schema.plan_document import Plan
from creo_schema.roles import existing_roles


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    timings: Timings


def plan(settings: Settings, progress: Progress | None = None) -> PlanResult:
    target_url = resolve_target(settings)
    timings = Timings()
    with connect(target_url) as target:
        settings = still_managed(settings, target)
        found = probe(settings, target, timings, progress)
        same = unchanged_plan(settings, target, target_url, found, timings, progress)
        roles = existing_roles(target)
    if same is not None:
        return PlanResult(with_role_warnings(same, settings.roles, roles), timings)
    # The engine and the shadow, imported only when a plan needs them.
    from creo_schema.plan.build import make_plan

    made, timings = make_plan(settings, target_url, progress, timings=timings, found=found)
    return PlanResult(with_role_warnings(made, settings.roles, roles), timings)


def still_managed(settings: Settings, target: Connection) -> Settings:
    """`settings`, managing also the schemas the target's last migration managed: a schema
    schema/ no longer creates (so no longer managed by that rule) is then dropped, not left
    behind unseen."""
    from creo_schema.apply.history import last_managed_schemas, last_managed_subscriptions
    from creo_schema.platform import is_reserved

    added = tuple(
        name
        for name in last_managed_schemas(target)
        if name not in settings.managed_schemas and not is_reserved(name, settings.platform)
    )
    # Subscriptions have no schema: the last migration's stay managed by name, and one
    # schema/ no longer declares is dropped (never one it never declared).
    subscriptions = tuple(
        sorted({*settings.managed_subscriptions, *last_managed_subscriptions(target)})
    )
    update: dict[str, object] = {}
    if added:
        update["managed_schemas"] = settings.managed_schemas + added
    if subscriptions != settings.managed_subscriptions:
        update["managed_subscriptions"] = subscriptions
    if update:
        settings = settings.model_copy(update=update)
    return still_managed_roles(settings, target)


def still_managed_roles(settings: Settings, target: Connection) -> Settings:
    """With `manage_roles`, `settings` managing also the roles the target's last migration
    managed: a role removed from schema/roles/ is then dropped, never left behind unseen.
    Only roles schema/roles/ once declared are ever managed, so never dropped otherwise."""
    from creo_schema.apply.history import last_managed_roles

    if not settings.manage_roles:
        return settings
    added = tuple(r for r in last_managed_roles(target) if r not in settings.managed_roles)
    if not added:
        return settings
    return settings.model_copy(update={"managed_roles": settings.managed_roles + added})


def drift(settings: Settings, progress: Progress | None = None) -> PlanResult:
    """Read-only: the target is never written (the shadow is a separate server).

    Not verified: drift asks whether there is a difference, not how to apply it.
    """
    return plan(settings.model_copy(update={"verify_plans": False}), progress)


@dataclass(frozen=True)
class CheckedPlan:
    """A plan with the verdict on it: `refusal` when it failed verification or has a hazard
    nobody allowed (exit 4; nothing may be written then), else the exit code."""

    plan: Plan
    timings: Timings
    refusal: CreoError | None
    exit_code: int


def checked_plan(
    settings: Settings,
    allowed: set[str],
    progress: Progress | None = None,
    *,
    detailed_exitcode: bool = False,
) -> CheckedPlan:
    result = plan(settings, progress)
    made = result.plan
    try:
        refuse_unverified(made)
        check_allowed(made.statements, allowed, what="the plan")
    except SafetyError as refusal:
        return CheckedPlan(made, result.timings, refusal, refusal.exit_code)
    code = 1 if detailed_exitcode and made.has_changes else 0
    return CheckedPlan(made, result.timings, None, code)


def refuse_unverified(made: Plan) -> None:
    check = made.verification
    if check is not None and not check.verified:
        raise SafetyError(
            f"the plan failed verification: {check.problems[0] if check.problems else 'unknown'}",
            hint="this change cannot be planned correctly yet; nothing was written",
            details={"problems": list(check.problems)},
        )


def drift_exit_code(made: Plan) -> int:
    return 1 if made.has_changes else 0


def drifted(settings: Settings, made: Plan) -> list[dict[str, object]]:
    """The declarations that drifted (for `drift --format json`); schema/ is parsed only to
    point at them, so not when nothing drifted."""
    from creo_schema.drift_report import drift_items
    from creo_schema.source.load import load_source

    if not made.has_changes:
        return []
    return [item.to_dict() for item in drift_items(made, load_source(settings.schema_dir))]


def drift_text(settings: Settings, made: Plan, output: str) -> str:
    """What `drift --format text|markdown|github` prints when the database drifted."""
    from creo_schema.drift_report import render_github, render_markdown, render_text
    from creo_schema.source.load import load_source

    render = {"github": render_github, "text": render_text}.get(output, render_markdown)
    return render(made, load_source(settings.schema_dir))


def allowed(allow_destructive: bool, allow_hazard: tuple[str, ...]) -> set[str]:
    """The hazard kinds the flags allow (an unknown kind is bad input)."""
    return allowed_hazards(allow_destructive, allow_hazard)
