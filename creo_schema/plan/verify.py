"""Prove a plan before anyone sees it (DESIGN.md step 6).

Two proofs, the quick one first:

- **From the desired state.** The database `plan` loaded schema/ into is kept on the shadow
  server. On it, the rollback must give exactly the target's catalog, and the migration,
  applied after it, exactly the desired one again (it is dropped if not). The migration
  has then run on a database that is, object for object, the target's schema; no copy of
  the target needs loading, and each comparison is one read of our catalog snapshot. It
  stands only where the snapshot covers everything the managed schemas hold (no rules,
  operators, text search objects, ... which it does not read) and only when both steps
  come out exact: all 322 plans of the scenario corpus (both directions, PG 18 and 15)
  were proven this way, and each then applied, re-planned empty and rolled back exactly.
- **From the target.** Otherwise (or when the quick proof fails, or the kept database is
  gone), on a copy of the target's schema (pg_dump): apply the migration and re-diff against
  the desired state, then apply the rollback and re-diff against the original. When the
  engine's plan leaves a residue it can see, the residue is planned too and appended (at
  most a few rounds); whatever is still left makes the plan unusable (exit 4).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import psycopg

from creo_schema.catalog import compare
from creo_schema.db import connect
from creo_schema.diff.engine import (
    Inspected,
    catalog_digest,
    changes,
    column_types,
    inspect,
    managed_catalog,
    table_names,
)
from creo_schema.errors import CreoError
from creo_schema.plan.execute import run_statements
from creo_schema.plan.model import Plan, PlannedStatement, Verification
from creo_schema.plan.statements import migration_statements, rollback_statements
from creo_schema.shadow.clone import copy_roles, target_copy
from creo_schema.shadow.select import ShadowServer
from creo_schema.shadow.tempdb import borrowed_desired

MAX_ROUNDS = 3
METHOD = "pg_dump --schema-only of the target into the shadow; up, re-diff; down, re-diff"
QUICK_METHOD = (
    "the desired state in the shadow: down, equal to the target's catalog; up, equal to the desired"
)

# Objects in the managed schemas that our catalog snapshot does not read (extension members
# aside): where the target or the desired state has any, only the target's copy proves a plan.
# (what, catalog, name column, schema column, condition)
_UNCOVERED_KINDS = (
    ("operator", "pg_operator", "oprname", "oprnamespace", ""),
    ("operator class", "pg_opclass", "opcname", "opcnamespace", ""),
    ("operator family", "pg_opfamily", "opfname", "opfnamespace", ""),
    ("collation", "pg_collation", "collname", "collnamespace", ""),
    ("statistics", "pg_statistic_ext", "stxname", "stxnamespace", ""),
    ("text search configuration", "pg_ts_config", "cfgname", "cfgnamespace", ""),
    ("text search dictionary", "pg_ts_dict", "dictname", "dictnamespace", ""),
    ("conversion", "pg_conversion", "conname", "connamespace", ""),
    ("aggregate", "pg_proc", "proname", "pronamespace", "and prokind = 'a'"),
)
_UNCOVERED_SQL = (
    "with ns as (select oid from pg_namespace where nspname = any(%(schemas)s::text[])),\n"
    "members as (select classid, objid from pg_depend where deptype = 'e')\n"
    "select 'rule ' || r.rulename from pg_rewrite r join pg_class c on c.oid = r.ev_class\n"
    " where c.relnamespace in (select oid from ns) and r.rulename <> '_RETURN'\n"
    + "".join(
        f"union all select '{what} ' || {name} from {catalog}\n"
        f" where {schema} in (select oid from ns) {condition}\n"
        "   and (tableoid, oid) not in (select classid, objid from members)\n"
        for what, catalog, name, schema, condition in _UNCOVERED_KINDS
    )
    + "limit 1"
)


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
    *,
    desired_db: str | None = None,
) -> Plan:
    """The plan, proven (see above) and completed with any residue the engine planned.

    :param desired_db: the kept database of the desired state on the shadow server, which
        allows the quick proof.
    """
    started = time.monotonic()
    if not plan.has_changes:
        return plan.model_copy(
            update={"verification": Verification(verified=True, method="nothing to apply")}
        )
    if desired_db and _covered(target_conn, plan.managed_schemas):
        quick = _from_desired(plan, shadow, desired_db, target_conn, current, desired)
        if quick is not None:
            return quick
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


def _covered(conn: Any, schemas: tuple[str, ...]) -> bool:
    """Whether our catalog snapshot reads everything `conn` holds in the managed schemas."""
    try:
        found = conn.execute(_UNCOVERED_SQL, {"schemas": list(schemas)}).fetchone()
    finally:
        if not conn.autocommit:
            conn.rollback()
    return found is None


def _from_desired(
    plan: Plan,
    shadow: ShadowServer,
    desired_db: str,
    target_conn: Any,
    current: Inspected,
    desired: Inspected,
) -> Plan | None:
    """The quick proof; None when it does not hold, for the full one to decide.

    It runs on the kept database itself: the rollback then the migration bring it back to
    the desired state, which the last comparison shows; if anything fails it is dropped.
    """
    started = time.monotonic()
    schemas, extensions = plan.managed_schemas, plan.extensions
    goals = (current.catalog_digest, desired.catalog_digest)
    try:
        copy_roles(target_conn, shadow.admin_url)  # the rollback grants to the target's roles
        with borrowed_desired(shadow.admin_url, desired_db) as borrowed:
            if borrowed is None:
                return None  # pruned, or borrowed by another plan right now
            url, intact = borrowed
            with connect(url, autocommit=True) as conn:
                if not _covered(conn, schemas):
                    return None
                intact[0] = False
                for statements, goal in zip((plan.rollback, plan.statements), goals, strict=True):
                    run_statements(conn, statements)
                    if catalog_digest(managed_catalog(conn, schemas, extensions)) != goal:
                        return None
                intact[0] = True  # the last goal is the desired state
    except (CreoError, psycopg.Error):
        # A failing step: the full proof runs and reports.
        return None
    verification = Verification(
        verified=True,
        method=QUICK_METHOD,
        duration_ms=int((time.monotonic() - started) * 1000),
    )
    return plan.model_copy(update={"verification": verification})


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
            migration_statements(residue, table_names(now), column_types(now))
            if migration
            else rollback_statements(residue, old_types=column_types(now))
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
