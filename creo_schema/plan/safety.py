"""Refuse hazards nobody allowed: data loss and security weakening (exit 4)."""

from __future__ import annotations

from collections.abc import Iterable

from creo_schema.errors import SafetyError
from creo_schema.plan.hazards import EXPLANATION, REFUSED_BY_DEFAULT, Hazard
from creo_schema.plan_document import PlannedStatement

DESTRUCTIVE = frozenset({Hazard.DELETES_DATA.value})


def allowed_hazards(allow_destructive: bool, allow_hazard: Iterable[str]) -> set[str]:
    from creo_schema.plan.hazards import parse_hazard

    allowed = {parse_hazard(name).value for name in allow_hazard}
    return allowed | (set(DESTRUCTIVE) if allow_destructive else set())


def refused(
    statements: Iterable[PlannedStatement], allowed: set[str]
) -> list[tuple[PlannedStatement, str]]:
    gated = {h.value for h in REFUSED_BY_DEFAULT} - allowed
    return [(s, h) for s in statements for h in s.hazards if h in gated]


def check_allowed(statements: Iterable[PlannedStatement], allowed: set[str], *, what: str) -> None:
    found = refused(statements, allowed)
    if not found:
        return
    statement, hazard = found[0]
    kinds = sorted({h for _, h in found})
    flags = " ".join(
        "--allow-destructive" if k == Hazard.DELETES_DATA.value else f"--allow-hazard {k}"
        for k in kinds
    )
    first_line = statement.sql.strip().splitlines()[0][:100]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    # The access review's sentence says what widens, where there is one (access/review.py).
    # On one line, as every error is: the sentence may quote a policy's expression, which
    # the catalog prints over several.
    why = " ".join(statement.notes[0].split()) if statement.notes else EXPLANATION[Hazard(hazard)]
    raise SafetyError(
        f"{what} has {hazard} hazards: {first_line}{more} - {why}",
        hint=f"review it, then pass {flags} to proceed",
        details={"refused": [{"sql": s.sql, "hazard": h} for s, h in found]},
    )
