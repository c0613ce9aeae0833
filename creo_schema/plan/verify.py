"""Prove a plan before anyone sees it (DESIGN.md step 6).

On a copy of the target's schema in the shadow server: apply the migration and re-diff
against the desired state, then apply the rollback and re-diff against the original. When
the engine's plan leaves a residue it can see, the residue is planned too and appended
(at most a few rounds); whatever is still left makes the plan unusable (exit 4).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from creo_schema.catalog import compare
from creo_schema.db import connect
from creo_schema.diff.engine import Inspected, changes, inspect, table_names
from creo_schema.errors import CreoError
from creo_schema.plan.execute import run_statements
from creo_schema.plan.model import Plan, PlannedStatement, Verification
from creo_schema.plan.statements import migration_statements, rollback_statements
from creo_schema.shadow.clone import target_copy
from creo_schema.shadow.select import ShadowServer

MAX_ROUNDS = 3
METHOD = "pg_dump --schema-only of the target into the shadow; up, re-diff; down, re-diff"


@dataclass
class _Outcome:
    statements: list[PlannedStatement]
    added: int = 0
    problems: list[str] = field(default_factory=list)


def verify_plan(
    plan: Plan,
    shadow: ShadowServer,
    template: str,
    target_conn: Any,
    target_url: str,
    current: Inspected,
    desired: Inspected,
) -> Plan:
    started = time.monotonic()
    if not plan.has_changes:
        return plan.model_copy(
            update={"verification": Verification(verified=True, method="nothing to apply")}
        )
    schemas, extensions = plan.managed_schemas, plan.extensions
    present = {e.name: e.schema for e in current.engine.extensions.values()}
    with (
        target_copy(
            shadow.admin_url, shadow.bin_dir, template, target_conn, target_url, schemas, present
        ) as clone_url,
        connect(clone_url, autocommit=True) as conn,
    ):
        copied = inspect(conn, schemas, extensions)
        if copied.fingerprint != current.fingerprint:
            residue = changes(current, copied)
            return _unverified(
                plan,
                started,
                [
                    "the target's schema could not be copied exactly: "
                    + (_short(residue) or _catalog_difference(copied, current))
                ],
            )
        up = _converge(conn, list(plan.statements), desired, schemas, extensions, migration=True)
        # A rollback is only meaningful from the state a working migration leaves.
        down = (
            _converge(conn, list(plan.rollback), current, schemas, extensions, migration=False)
            if not up.problems
            else _Outcome(list(plan.rollback))
        )
    verification = Verification(
        verified=not (up.problems or down.problems),
        method=METHOD,
        added_statements=up.added,
        added_rollback_statements=down.added,
        duration_ms=int((time.monotonic() - started) * 1000),
        problems=tuple(up.problems + down.problems),
    )
    return plan.model_copy(
        update={
            "statements": tuple(up.statements),
            "rollback": tuple(down.statements),
            "verification": verification,
        }
    )


def _converge(
    conn: Any,
    statements: list[PlannedStatement],
    goal: Inspected,
    schemas: tuple[str, ...],
    extensions: tuple[str, ...],
    *,
    migration: bool,
) -> _Outcome:
    outcome = _Outcome(list(statements))
    which = "migration" if migration else "rollback"
    batch = statements
    for _ in range(MAX_ROUNDS):
        try:
            run_statements(conn, batch)
        except CreoError as error:
            outcome.problems.append(f"the {which} failed on a copy of the target: {error.message}")
            return outcome
        now = inspect(conn, schemas, extensions)
        if now.fingerprint == goal.fingerprint:
            return outcome
        residue = changes(now, goal)
        if not residue:
            # The engine sees nothing; our own catalog snapshot says what is different.
            outcome.problems.append(
                f"after the {which}, the copy still differs from its goal: "
                + _catalog_difference(now, goal)
            )
            return outcome
        batch = list(
            migration_statements(residue, table_names(now))
            if migration
            else rollback_statements(residue)
        )
        outcome.statements += batch
        outcome.added += len(batch)
    outcome.problems.append(f"the {which} still leaves a difference after {MAX_ROUNDS} rounds")
    return outcome


def _unverified(plan: Plan, started: float, problems: list[str]) -> Plan:
    verification = Verification(
        verified=False,
        method=METHOD,
        duration_ms=int((time.monotonic() - started) * 1000),
        problems=tuple(problems),
    )
    return plan.model_copy(update={"verification": verification})


def _catalog_difference(found: Inspected, wanted: Inspected, limit: int = 3) -> str:
    seen = compare(found.catalog, wanted.catalog) if found.catalog and wanted.catalog else []
    if not seen:
        return "a difference neither the engine nor the catalog snapshot can name"
    return "; ".join(seen[:limit]) + (f" (+{len(seen) - limit} more)" if len(seen) > limit else "")


def _short(statements: list[str], limit: int = 3) -> str:
    shown = "; ".join(s.splitlines()[0][:80] for s in statements[:limit])
    more = f" (+{len(statements) - limit} more)" if len(statements) > limit else ""
    return shown + more
