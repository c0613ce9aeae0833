"""From SQL text to planned statements: classified, hazards attached, phases assigned."""

from __future__ import annotations

from collections.abc import Mapping

import pglast

from creo_schema.plan.classify import Classified, classify
from creo_schema.plan.hazards import Hazard
from creo_schema.plan.model import PlannedStatement
from creo_schema.plan.rewrite import Step, rewrite

# Hazards that only matter for a table that holds rows and serves traffic.
_TRAFFIC_HAZARDS = frozenset(
    {Hazard.ACCESS_EXCLUSIVE_LOCK, Hazard.SHARE_LOCK, Hazard.REWRITES_TABLE, Hazard.INDEX_BUILD}
)


def migration_statements(
    sql: list[str], existing_tables: set[str], old_types: Mapping[str, str] | None = None
) -> tuple[PlannedStatement, ...]:
    """The migration, rewritten for online safety on the tables that already exist.

    `old_types`: each existing column's type (`schema.table.column` -> format_type), which
    tells widening type changes from narrowing ones (plan/column_types.py).
    """
    return _planned(rewrite(sql, existing_tables, old_types), existing_tables)


def rollback_statements(
    sql: list[str],
    existing_tables: set[str] | None = None,
    old_types: Mapping[str, str] | None = None,
) -> tuple[PlannedStatement, ...]:
    """The rollback runs in one transaction: it is for getting back, not for staying online."""
    steps = [Step(text, "main", classify(text, old_types)) for text in sql]
    return _planned(steps, existing_tables)


def planned_from_sql(text: str) -> tuple[PlannedStatement, ...]:
    parts = [part.strip() for part in pglast.split(text)] if text.strip() else []
    return rollback_statements([p for p in parts if p])


def _planned(steps: list[Step], existing: set[str] | None) -> tuple[PlannedStatement, ...]:
    """Drop hazards that cannot happen given the rest of the plan.

    A table the plan creates has no rows and no traffic: locks and builds on it cost nothing,
    and what it grants weakens nothing that was there before (the lints judge new objects).
    A policy dropped or a grant revoked on a table the plan drops weakens nothing.
    """
    items = [step.classified for step in steps]
    created = {c.target for c in items if c.kind == "CreateStmt"} - (existing or set())
    dropped = {c.table for c in items if c.kind == "DropStmt" and Hazard.DELETES_DATA in c.hazards}
    out = []
    for step in steps:
        item = step.classified
        hazards = list(item.hazards)
        if item.table and item.table in created:
            hazards = [
                h for h in hazards if h not in _TRAFFIC_HAZARDS and h is not Hazard.WEAKENS_SECURITY
            ]
        if item.table and item.table in dropped and not _drops_the_table(item):
            hazards = [h for h in hazards if h is not Hazard.WEAKENS_SECURITY]
        out.append(_statement(step, item, hazards))
    return tuple(out)


def _drops_the_table(item: Classified) -> bool:
    return item.kind == "DropStmt" and item.target == item.table


def _statement(step: Step, item: Classified, hazards: list[Hazard]) -> PlannedStatement:
    return PlannedStatement(
        sql=step.sql,
        phase=step.phase,
        kind=item.kind,
        action=item.action,
        target=item.target,
        hazards=tuple(h.value for h in hazards),
    )
