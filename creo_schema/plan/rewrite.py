"""Online rewrites: change an existing table without holding it locked for a full scan.

The kind that writes a statement also writes its online form (diff/effects.py); here each
form's statements are given their phases:

- An index on an existing table is built `CONCURRENTLY`, outside the transaction (unless a
  statement of the main transaction needs it; a partitioned table's has no such form).
- A foreign key or check added to an existing table is added `NOT VALID` (a brief lock),
  then validated in a transaction of its own (SHARE UPDATE EXCLUSIVE: writes go on).
- `SET NOT NULL` on an existing column goes through a validated `CHECK (col IS NOT NULL)`,
  which lets PostgreSQL (12+) set NOT NULL without scanning again; the check is dropped after.
- What must wait for those (CLUSTER ON an index built concurrently, a replica identity
  whose index needs its columns NOT NULL) runs in the last phase.

Only statements on tables that hold rows come here (plan/statements.py decides).
"""

from __future__ import annotations

from creo_schema.diff.change import Change
from creo_schema.diff.effects import (
    ConcurrentBuild,
    LastPhase,
    NotNullThroughCheck,
    NotValidThenValidate,
    Step,
    Transaction,
)
from creo_schema.plan.hazards import Hazard, hazards_of
from creo_schema.plan_document import Phase

Planned = tuple[str, Phase, list[Hazard]]

# Where a statement runs that has no online form, by where it can run.
PHASE_OF: dict[Transaction, Phase] = {
    Transaction.IN_TRANSACTION: "main",
    Transaction.OWN_TRANSACTION: "pre",  # alone, before the main transaction
    Transaction.OUTSIDE: "concurrent",  # alone, outside any transaction
}


def online_steps(change: Change, hazards: list[Hazard], needed: set[str]) -> list[Planned]:
    """The statements, phases and hazards that make `change` on a table that stays online;
    `hazards` are the change's own, `needed` the ids a main-phase statement needs."""
    effects = change.effects
    online = effects.online
    if effects.transaction is not Transaction.IN_TRANSACTION:
        return [(change.sql, PHASE_OF[effects.transaction], hazards)]
    if isinstance(online, ConcurrentBuild) and change.identity not in needed:
        return [_planned(online.build, "concurrent")]
    if isinstance(online, NotValidThenValidate):
        return [(online.add.sql, "main", hazards), _planned(online.validate, "validate")]
    if isinstance(online, NotNullThroughCheck):
        return [
            _planned(online.add_check, "main"),
            _planned(online.validate, "validate"),
            _planned(online.set_not_null, "post"),
            _planned(online.drop_check, "post"),
        ]
    if isinstance(online, LastPhase):
        return [(change.sql, "post", hazards)]
    return [(change.sql, "main", hazards)]


def _planned(step: Step, phase: Phase) -> Planned:
    return (step.sql, phase, hazards_of(step.effects))
