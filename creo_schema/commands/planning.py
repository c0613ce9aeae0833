"""`plan` and `drift`: the same computation; drift is a plan that must be empty."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.plan.model import Plan
from creo_schema.plan.timings import Progress, Timings
from creo_schema.plan.unchanged import probe, unchanged_plan
from creo_schema.roles import existing_roles, with_role_warnings


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    timings: Timings


def plan(settings: Settings, progress: Progress | None = None) -> PlanResult:
    target_url = resolve_target(settings)
    timings = Timings()
    with connect(target_url) as target:
        found = probe(settings, target, timings, progress)
        same = unchanged_plan(settings, target, target_url, found, timings, progress)
        roles = existing_roles(target)
    if same is not None:
        return PlanResult(with_role_warnings(same, settings.roles, roles), timings)
    # The engine and the shadow, imported only when a plan needs them.
    from creo_schema.plan.build import make_plan

    made, timings = make_plan(settings, target_url, progress, timings=timings, found=found)
    return PlanResult(with_role_warnings(made, settings.roles, roles), timings)


def drift(settings: Settings, progress: Progress | None = None) -> PlanResult:
    """Read-only: the target is never written (the shadow is a separate server).

    Not verified: drift asks whether there is a difference, not how to apply it.
    """
    return plan(settings.model_copy(update={"verify_plans": False}), progress)
