"""`creo-schema health`: is the database reachable, migrated, in sync, consistent and calm?

Exit 0 healthy, 1 problems found, 3 cannot connect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.errors import CreoError
from creo_schema.health.checks import OK, PROBLEM, SKIPPED, WARNING, Check, Context, run_checks
from creo_schema.words import plural

if TYPE_CHECKING:
    from creo_schema.plan_document import Plan


@dataclass(frozen=True)
class HealthReport:
    checks: tuple[Check, ...]

    @property
    def healthy(self) -> bool:
        return all(c.status != PROBLEM for c in self.checks)


# The drift check, given by the caller (commands/health.py): it is a whole plan, which
# health does not make itself (the layers contract in pyproject.toml).
DriftCheck = Callable[[], "Plan"]


def health(
    settings: Settings,
    target_url: str,
    *,
    drift: DriftCheck | None = None,
    long_after_s: int = 300,
) -> HealthReport:
    """Run every check (drift when a check is given); a connection failure raises
    `DatabaseError` (exit 3)."""
    with connect(target_url, autocommit=True) as conn:
        checks = run_checks(Context(conn, tuple(settings.managed_schemas), long_after_s))
    checks.insert(2, _drift(drift) if drift else Check("drift", SKIPPED, "not checked"))
    return HealthReport(tuple(checks))


def _drift(drift: DriftCheck) -> Check:
    try:
        made = drift()
    except CreoError as error:
        return Check("drift", PROBLEM, f"the drift check failed: {error.one_line()}")
    if made.has_changes:
        return Check(
            "drift",
            PROBLEM,
            f"the database differs from schema/: {plural(len(made.statements), 'statement')} to fix",
            tuple(s.sql.splitlines()[0][:120] for s in made.statements[:20]),
        )
    return Check("drift", OK, "the database matches schema/")


__all__ = ["OK", "PROBLEM", "SKIPPED", "WARNING", "Check", "HealthReport", "health"]
