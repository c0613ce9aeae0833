"""From the differ's changes to planned statements: hazards, online rewrites, phases, checks.

Everything here reads the typed changes (diff/change.py) and their effects (diff/effects.py),
never the SQL text; reference rows are typed too (diff/data.py). Rollbacks recorded as SQL
text by older versions are apply/recorded.py's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from creo_schema.diff.change import Change
from creo_schema.diff.data import RowChange
from creo_schema.diff.effects import LastPhase
from creo_schema.diff.quote import qualified
from creo_schema.plan.checks import EnumLabels, checks_for
from creo_schema.plan.hazards import Hazard, hazards_of
from creo_schema.plan.rewrite import PHASE_OF, online_steps
from creo_schema.plan_document import DataCheck, Phase, PlannedStatement

# Hazards that only matter for a table that holds rows and serves traffic.
_TRAFFIC_HAZARDS = frozenset(
    {Hazard.ACCESS_EXCLUSIVE_LOCK, Hazard.SHARE_LOCK, Hazard.REWRITES_TABLE, Hazard.INDEX_BUILD}
)
PHASES: tuple[Phase, ...] = ("pre", "main", "concurrent", "validate", "post")


def planned_statements(
    changes: Sequence[Change],
    existing_tables: set[str],
    enum_labels: EnumLabels,
    major: int,
    *,
    online: bool = True,
) -> tuple[PlannedStatement, ...]:
    """The statements of a migration (`online`: rewritten to keep existing tables
    available) or of a rollback (one transaction: it is for getting back, not for staying
    online).

    `existing_tables` are the ids of the tables that exist before and are not dropped: only
    their statements can meet rows and traffic.
    """
    created = {i for c in changes if c.action in ("create", "replace") for i in c.creates}
    dropped = {
        i for c in changes if c.drops and not c.creates for i in c.drops if i.startswith("table:")
    }
    # Indexes a main-phase change needs are built in that phase, not concurrently after it;
    # CLUSTER ON waits for its index in the last phase instead (plan/rewrite.py).
    needed = {i for c in changes if not _waits_for_builds(c) for i in c.requires}
    out: list[PlannedStatement] = []
    for item in changes:
        hazards = hazards_of(item.effects)
        live = item.table in existing_tables and item.table not in created
        existing_sequence = item.kind == "sequence" and item.identity not in created
        checks: tuple[DataCheck, ...] = (
            checks_for(item, enum_labels, major) if live or existing_sequence else ()
        )
        if item.table and not live:
            hazards = [h for h in hazards if h not in _TRAFFIC_HAZARDS]
            hazards = [h for h in hazards if h is not Hazard.WEAKENS_SECURITY]
        if item.table in dropped and item.identity not in item.drops:
            hazards = [h for h in hazards if h is not Hazard.WEAKENS_SECURITY]
        steps = (
            online_steps(item, hazards, needed)
            if online and live
            else [(item.sql, PHASE_OF[item.effects.transaction], hazards)]
        )
        for number, (sql, phase, step_hazards) in enumerate(steps):
            out.append(_statement(item, sql, phase, step_hazards, checks if number == 0 else ()))
    order = {phase: i for i, phase in enumerate(PHASES)}
    return tuple(sorted(_after_alone(out), key=lambda s: order[s.phase]))  # stable in a phase


def _waits_for_builds(item: Change) -> bool:
    online = item.effects.online
    return isinstance(online, LastPhase) and online.after_builds


def _after_alone(statements: list[PlannedStatement]) -> list[PlannedStatement]:
    """An object created alone, outside the transaction (a subscription that makes its
    slot), exists only once that phase has run: what the plan does to it after (its owner)
    goes to the last phase."""
    alone = {
        (s.kind, s.target) for s in statements if s.phase == "concurrent" and s.action == "create"
    }
    if not alone:
        return statements
    return [
        s.model_copy(update={"phase": "post"})
        if s.phase == "main" and (s.kind, s.target) in alone and s.action != "create"
        else s
        for s in statements
    ]


def _statement(
    item: Change,
    sql: str,
    phase: Phase,
    hazards: Iterable[Hazard],
    checks: tuple[DataCheck, ...],
) -> PlannedStatement:
    return PlannedStatement(
        sql=sql,
        phase=phase,
        kind=item.kind,
        action=item.action,
        operation=item.operation,
        target=item.name,
        table=item.table.partition(":")[2],
        hazards=tuple(dict.fromkeys(h.value for h in hazards)),
        checks=checks,
        shadow_sql=item.details.get("shadow_sql", ""),
        conninfo_env=item.details.get("conninfo_env", ""),
    )


def row_statements(rows: Iterable[RowChange]) -> tuple[PlannedStatement, ...]:
    """Declared rows written (diff/data.py), all in the main transaction. (Their operation
    and target are what plans have always said of them.)"""
    return tuple(
        PlannedStatement(
            sql=row.sql,
            kind="row",
            action=row.action,
            operation=_ROW_OPERATIONS[row.action],
            target=f"{row.schema}.{row.table}" if row.action == "delete" else "",
            table=qualified(row.schema, row.table),
            hazards=tuple(h.value for h in hazards_of(row.effects)),
        )
        for row in rows
    )


_ROW_OPERATIONS = {"insert": "InsertStmt", "update": "UpdateStmt", "delete": "DeleteStmt"}
