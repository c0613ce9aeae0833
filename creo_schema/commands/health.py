"""`health`: the checks, with drift computed here (a plan) and handed to them."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.commands.planning import drift
from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.health import HealthReport
from creo_schema.health import health as run_health


@dataclass(frozen=True)
class HealthResult:
    report: HealthReport

    @property
    def exit_code(self) -> int:
        return 0 if self.report.healthy else 1


def health(settings: Settings, *, check_drift: bool, long_after_s: int) -> HealthResult:
    drift_check = (lambda: drift(settings).plan) if check_drift else None
    report = run_health(
        settings, resolve_target(settings), drift=drift_check, long_after_s=long_after_s
    )
    return HealthResult(report)
