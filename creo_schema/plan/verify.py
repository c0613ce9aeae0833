"""Prove a plan before anyone sees it (DESIGN.md step 7).

Two proofs, the quick one first:

- **From the desired state.** The database `plan` loaded schema/ into is kept on the shadow
  server. On it, the rollback must give exactly the target's catalog, and the migration,
  applied after it, exactly the desired one again (it is dropped if not). The migration has
  then run on a database that is, object for object, the target's schema; no copy of the
  target needs loading, and each comparison is one read of our catalog snapshot.
- **From the target.** Otherwise (or when the quick proof fails, or the kept database is
  gone), on a copy of the target's schema (pg_dump): apply the migration and compare with
  the desired state, then apply the rollback and compare with the original. Whatever
  differs makes the plan unusable (exit 4), named.

Either way, once the migration has run, migra's engine (`results`) inspects the proven
database as an independent second opinion: it must see exactly the desired state too, or
the plan is refused and what it sees named.

Roles as code: the shadow server's roles are shared by every plan (shadow/roles.py), so
these two proofs run every statement but the role statements (the managed roles exist
there plainly, for the grants that name them) and compare the schemas' digests. The role
statements are proven on their own, in a transaction rolled back: the target's roles made,
the migration's role statements giving the desired roles, the rollback's the target's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import psycopg

from creo_schema.catalog import Inspection, compare, inspect
from creo_schema.db import Connection, acting_as, connect
from creo_schema.errors import CreoError
from creo_schema.plan.cache import DesiredState
from creo_schema.plan.execute import run_statements
from creo_schema.plan.session import PlanSession
from creo_schema.plan_document import Plan, PlannedStatement, Verification
from creo_schema.shadow.clone import copy_roles, target_copy
from creo_schema.shadow.roles import prove_roles, roles_only
from creo_schema.shadow.select import ShadowServer
from creo_schema.shadow.tempdb import borrowed_desired, ensure_roles

METHOD = "pg_dump --schema-only of the target into the shadow: up, equal to the desired; down, equal to the target"
QUICK_METHOD = (
    "the desired state in the shadow: down, equal to the target's catalog; up, equal to the desired"
)


@dataclass(frozen=True)
class _Outcome:
    problems: tuple[str, ...]
    second_opinion: str


@dataclass(frozen=True)
class _Proof:
    """One plan being proven: the session's shadow and target, the two states it goes
    between, and the count of statements run."""

    plan: Plan
    session: PlanSession
    current: Inspection
    desired: DesiredState
    tally: _Tally

    @property
    def shadow(self) -> ShadowServer:
        return self.session.open_shadow()


def verify_plan(
    session: PlanSession,
    plan: Plan,
    current: Inspection,
    desired: DesiredState,
    *,
    count: Callable[[int, int], None] | None = None,
) -> Plan:
    """The plan, proven (see above): quickly on the desired state's kept database when the
    shadow still has it, else on a copy of the target.

    :param count: told (statements run, statements to run) after each statement the proof
        runs; the full proof, after a quick one that did not hold, counts again from 0.
    """
    started = time.monotonic()
    if not plan.has_changes:
        return plan.model_copy(
            update={"verification": Verification(verified=True, method="nothing to apply")}
        )
    outcome = None
    method = QUICK_METHOD
    tally = _Tally(
        count, len(_schema_statements(plan.statements)) + len(_schema_statements(plan.rollback))
    )
    proof = _Proof(plan, session, current, desired, tally)
    # The grants of the schema statements name the managed roles: they exist on the shadow
    # server plainly, whatever the desired state cached (its server may have been reset).
    ensure_roles(proof.shadow.admin_url, plan.managed_roles)
    desired_db = session.kept_desired()
    if desired_db:
        outcome = _from_desired(proof, desired_db)
    if outcome is None:
        method = METHOD
        tally.done = 0
        outcome = _from_copy(proof)
    if plan.managed_roles and not outcome.problems:
        outcome = _Outcome(_role_problems(proof), outcome.second_opinion)
    verification = Verification(
        verified=not outcome.problems,
        method=method,
        duration_ms=int((time.monotonic() - started) * 1000),
        problems=outcome.problems,
        second_opinion=outcome.second_opinion,
    )
    return plan.model_copy(update={"verification": verification})


def _from_desired(proof: _Proof, desired_db: str) -> _Outcome | None:
    """The quick proof; None when it does not hold, for the full one to decide.

    It runs on the kept database itself: the rollback then the migration bring it back to
    the desired state, which the last comparison shows; if anything fails it is dropped.
    """
    plan, current, desired, tally = proof.plan, proof.current, proof.desired, proof.tally
    shadow = proof.shadow
    schemas, extensions = plan.managed_schemas, plan.extensions
    goals = (current.schema_digest, desired.inspected.schema_digest)
    try:
        copy_roles(
            proof.session.target, shadow.admin_url
        )  # the rollback grants to the target's roles
        with borrowed_desired(shadow.admin_url, desired_db) as borrowed:
            if borrowed is None:
                return None  # pruned, or borrowed by another plan right now
            url, intact = borrowed
            with connect(acting_as(url, plan.applier), autocommit=True) as conn:
                intact[0] = False
                for statements, goal in zip((plan.rollback, plan.statements), goals, strict=True):
                    run_statements(
                        conn, _schema_statements(statements), after_each=tally, shadow=True
                    )
                    found = inspect(conn, plan.scope.without_roles())
                    if found.digest != goal:
                        return None
                second_opinion, problems = _second_opinion(conn, desired, schemas, extensions)
                intact[0] = True  # the last goal is the desired state
    except (CreoError, psycopg.Error):
        # A failing step: the full proof runs and reports.
        return None
    return _Outcome(tuple(problems), second_opinion)


def _from_copy(proof: _Proof) -> _Outcome:
    """The full proof, on a copy of the target's schema."""
    plan, current, desired, tally = proof.plan, proof.current, proof.desired, proof.tally
    shadow, session = proof.shadow, proof.session
    schemas, extensions = plan.managed_schemas, plan.extensions
    present = {e.name: e.schema for e in current.catalog.extensions}
    with (
        target_copy(
            shadow.admin_url,
            shadow.bin_dir,
            session.template,
            session.target,
            session.target_url,
            schemas,
            present,
            plan.applier,
            plan.platform,
        ) as clone_url,
        connect(clone_url, autocommit=True) as conn,
    ):
        copied = inspect(conn, plan.scope.without_roles())
        if copied.schema_digest != current.schema_digest:
            return _Outcome(
                (
                    "the target's schema could not be copied exactly: "
                    + _difference(copied, current),
                ),
                "",
            )
        steps = (
            ("migration", plan.statements, desired.inspected),
            ("rollback", plan.rollback, current),
        )
        second_opinion = ""
        for which, statements, goal in steps:
            try:
                run_statements(conn, _schema_statements(statements), after_each=tally, shadow=True)
            except CreoError as error:
                return _Outcome(
                    (f"the {which} failed on a copy of the target: {error.message}",),
                    second_opinion,
                )
            now = inspect(conn, plan.scope.without_roles())
            if now.schema_digest != goal.schema_digest:
                return _Outcome(
                    (f"after the {which}, the copy still differs: " + _difference(now, goal),),
                    second_opinion,
                )
            if which == "migration":
                second_opinion, problems = _second_opinion(conn, desired, schemas, extensions)
                if problems:
                    return _Outcome(tuple(problems), second_opinion)
    return _Outcome((), second_opinion)


_ROLE_KINDS = frozenset({"role", "role membership"})


def _schema_statements(statements: Sequence[PlannedStatement]) -> list[PlannedStatement]:
    """The statements but the role statements, proven apart (`_role_problems`)."""
    return [s for s in statements if s.kind not in _ROLE_KINDS]


def _role_problems(proof: _Proof) -> tuple[str, ...]:
    """The proof of the plan's role statements (shadow/roles.py `prove_roles`): from the
    target's roles (made with the differ's own SQL) to the desired ones and back."""
    from creo_schema.diff.differ import diff

    plan, current = proof.plan, proof.current
    wanted = proof.desired.inspected.catalog
    empty = roles_only(current.catalog, (), ())
    setup = [c.sql for c in diff(empty, roles_only(current.catalog))]
    problems = prove_roles(
        proof.shadow.admin_url,
        plan.managed_roles,
        plan.applier,
        (current.catalog.roles, current.catalog.role_memberships),
        (wanted.roles, wanted.role_memberships),
        [s.sql for s in plan.statements if s.kind in _ROLE_KINDS],
        [s.sql for s in plan.rollback if s.kind in _ROLE_KINDS],
        setup,
    )
    return tuple(problems)


@dataclass
class _Tally:
    """The statements the proof has run, of the migration's and the rollback's."""

    count: Callable[[int, int], None] | None
    total: int
    done: int = 0

    def __call__(self, number: int) -> None:
        self.done += 1
        if self.count:
            self.count(self.done, self.total)


def _second_opinion(
    conn: Connection, desired: DesiredState, schemas: tuple[str, ...], extensions: tuple[str, ...]
) -> tuple[str, list[str]]:
    """migra's engine on the proven database: (what it said, the problems it found)."""
    from creo_schema.diff.engine import (
        EngineUnavailable,
        engine_statements,
        engine_view,
        thaw,
    )

    if desired.engine is None:
        return "migra's engine could not read the desired state", []
    try:
        seen = engine_view(conn, schemas, extensions)
        if seen.fingerprint == desired.engine_fingerprint:
            return "migra's engine agrees", []
        # Only now is the desired state's view read back: two whole inspections alive at
        # once weigh hundreds of MiB at thousands of tables.
        statements = engine_statements(seen, thaw(desired.engine))
    except EngineUnavailable as error:
        return f"migra's engine could not look: {error}", []
    if not statements:
        return "migra's engine agrees (it plans nothing)", []
    shown = "; ".join(" ".join(s.split())[:160] for s in statements[:3])
    more = f" (+{len(statements) - 3} more)" if len(statements) > 3 else ""
    return "migra's engine disagrees", [
        "migra's engine sees a difference our catalog snapshot does not, after the "
        f"migration: {shown}{more}"
    ]


def _difference(found: Inspection, wanted: Inspection, limit: int = 3) -> str:
    seen = compare(found.catalog, wanted.catalog)
    if not seen:
        return "a difference the catalog snapshot cannot name"
    return "; ".join(seen[:limit]) + (f" (+{len(seen) - limit} more)" if len(seen) > limit else "")
