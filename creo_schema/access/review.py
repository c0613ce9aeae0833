"""The access review of a plan: what the change does to who can do what, in sentences, and
`weakens_security` on the statements that widen access for anon or authenticated.

The plan has no connection for the roles' facts at hand, and both sides are on roles the
plan never changes, so the platform's (`platform_role_facts`) serve both. A widening on an
object the target does not have yet (a new table and its grants) is told but is no hazard,
as the plan's own classification treats new tables (plan/statements.py): no rows were
reachable before because there were none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from creo_schema.access.changes import AccessChange, access_changes
from creo_schema.access.matrix import access_matrix, covered_roles
from creo_schema.access.roles import platform_role_facts
from creo_schema.catalog import CatalogSnapshot
from creo_schema.plan_document import AccessNote, PlannedStatement

WEAKENS = "weakens_security"


@dataclass(frozen=True)
class Review:
    changes: list[AccessChange]
    existing: set[str]  # the objects the target has

    def notes(self) -> tuple[AccessNote, ...]:
        return tuple(AccessNote(**c.to_dict()) for c in self.changes)


def access_review(
    before: CatalogSnapshot, after: CatalogSnapshot, platform: str, exposed: Iterable[str]
) -> Review:
    facts = platform_role_facts(platform)
    roles = tuple(
        dict.fromkeys(
            covered_roles(before, facts, platform) + covered_roles(after, facts, platform)
        )
    )
    schemas = tuple(exposed)
    old = access_matrix(before, facts, roles, schemas)
    new = access_matrix(after, facts, roles, schemas)
    return Review(access_changes(old, new), {c.object for c in old.cells})


def with_access_hazards(
    statements: tuple[PlannedStatement, ...], review: Review
) -> tuple[PlannedStatement, ...]:
    """Each hazardous widening (anon or authenticated, on an object in `existing`) as a note
    and `weakens_security` on the statements about its object; on the first statement when
    none is (access widened through something else, e.g. a schema's USAGE)."""
    notes: dict[int, list[str]] = {}
    for change in review.changes:
        if not change.hazardous or change.object not in review.existing:
            continue
        about = [i for i, s in enumerate(statements) if _about(s, change.object)]
        for index in about or [0]:
            notes.setdefault(index, []).append(change.sentence)
    if not statements or not notes:
        return statements
    out = list(statements)
    for index, sentences in notes.items():
        statement = out[index]
        hazards = (
            statement.hazards if WEAKENS in statement.hazards else (*statement.hazards, WEAKENS)
        )
        out[index] = statement.model_copy(
            update={"hazards": hazards, "notes": (*statement.notes, *sentences)}
        )
    return tuple(out)


def _about(statement: PlannedStatement, obj: str) -> bool:
    """Whether a statement works on `obj` (a function by its name: the plan spells its
    arguments by type only)."""
    name = obj.split("(", 1)[0]
    for spelled in (statement.target, statement.table):
        if spelled and (spelled == obj or spelled.split("(", 1)[0] == name):
            return True
    return False
