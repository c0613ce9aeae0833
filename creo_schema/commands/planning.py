"""`plan` and `drift`: the same computation; drift is a plan that must be empty."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.plan.build import make_plan
from creo_schema.plan.model import Plan
from creo_schema.plan.timings import Progress, Timings


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    timings: Timings


def plan(settings: Settings, progress: Progress | None = None) -> PlanResult:
    target = resolve_target(settings)
    made, timings = make_plan(settings, target, progress)
    return PlanResult(made, timings)


def drift(settings: Settings, progress: Progress | None = None) -> PlanResult:
    """Read-only: the target is never written (the shadow is a separate server).

    Not verified: drift asks whether there is a difference, not how to apply it.
    """
    return plan(settings.model_copy(update={"verify_plans": False}), progress)
