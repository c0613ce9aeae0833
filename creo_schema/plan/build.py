"""Compute a plan: load the desired state into a shadow, diff the target against it.

The steps, over one `PlanSession` (plan/session.py):

1. **Desired state**: schema/ parsed, checked, loaded into the shadow and inspected (our
   catalog snapshot, and migra's engine's view for the second opinion); cached under the
   source's fingerprint, its database kept on the shadow server for the proof.
2. **Current state**: the target inspected (cached under its catalog signature), in a
   thread while the shadow loads.
3. **Changes**: our differ, both ways (diff/differ.py), from a renamed copy of the target
   when `-- creo:renamed-from` hints apply; rewritten for online safety, hazards and row
   checks attached (plan/statements.py).
4. **Proof**: the row checks run against the target; the plan is proven in the shadow
   (plan/verify.py).

Each step's duration is kept for `--format json` and the benchmarks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from typing import Any

from creo_schema.catalog import Inspection, Scope, inspect
from creo_schema.catalog.inspection import with_roles
from creo_schema.config import Settings, conninfo_settings
from creo_schema.db import Connection, acting_as, connect, server_major, with_database
from creo_schema.diff.data import DataChanges, data_changes, declared_data, read_desired
from creo_schema.errors import InputError, SafetyError
from creo_schema.lint.registry import run_lints
from creo_schema.plan import cache
from creo_schema.plan.assemble import Between, assemble
from creo_schema.plan.checks import failing_checks
from creo_schema.plan.conninfo import refuse_unset
from creo_schema.plan.privileges import Applier, applier_of
from creo_schema.plan.renames import applicable, renamed_baseline
from creo_schema.plan.roles import (
    refuse_role_drops,
    refuse_shared_cluster,
    refuse_unmanageable,
)
from creo_schema.plan.session import PlanSession
from creo_schema.plan.subscriptions import as_declared
from creo_schema.plan.timings import Progress, Timings
from creo_schema.plan.unchanged import Probe, probe, remember
from creo_schema.plan.verify import verify_plan
from creo_schema.plan_document import Plan, PlannedStatement
from creo_schema.roles import existing_roles, known_roles, shadow_roles
from creo_schema.shadow.clone import target_copy
from creo_schema.shadow.load import load_into
from creo_schema.shadow.roles import declared_roles
from creo_schema.shadow.select import ShadowServer
from creo_schema.shadow.tempdb import (
    ensure_roles,
    keep_desired,
    kept_desired,
    temporary_database,
)
from creo_schema.source.asts import parsed_statements
from creo_schema.source.catalog_names import KnownRoles
from creo_schema.source.discover import discover
from creo_schema.source.finding import Finding
from creo_schema.source.hints import rename_hints
from creo_schema.source.load import source_set
from creo_schema.source.model import SourceSet
from creo_schema.source.parse import parse_text
from creo_schema.source.roles import RoleDeclarations, read_declarations, refuse_for_major
from creo_schema.source.subscriptions import declared_subscriptions
from creo_schema.source.validate import validate_source


def declared_extensions(source: SourceSet) -> tuple[str, ...]:
    return tuple(
        sorted(
            name.removeprefix("extension:")
            for statement in source.statements
            for name in statement.creates
            if name.startswith("extension:")
        )
    )


def make_plan(
    settings: Settings,
    target_url: str,
    progress: Progress | None = None,
    *,
    timings: Timings | None = None,
    found: Probe | None = None,
) -> tuple[Plan, Timings]:
    """The plan from the target to schema/; `found` is the probe already taken of both
    (plan/unchanged.py), when the caller tried the short cut first."""
    timings = timings or Timings()
    with connect(target_url) as target, ExitStack() as held:
        found = found or probe(settings, target, timings, progress)
        run = PlanSession(
            settings, target_url, target, timings, progress, found, server_major(target), held=held
        )
        desired_state = _desired_state(run)
        refuse_lint_errors(desired_state.findings)
        current = _current_state(run, desired_state.extensions)
        with timings.step("inspect", progress):
            rows = desired_state.rows
            data = data_changes(rows, target) if rows else None
            target.rollback()
        plan = _changes(run, desired_state, current, data)
        plan = plan.model_copy(update={"target_signature": found.signature})
        # Drift (verify_plans off) asks whether anything differs, not whether it can run.
        if plan.has_changes and settings.verify_plans:
            refuse_unset(plan.statements, "the plan")
            plan = _check_rows(run, plan)
            with timings.step("verify", progress) as count:
                plan = verify_plan(run, plan, current, desired_state, count=count)
    remember(settings, found, plan, desired_state.rows)
    return plan, timings


def _desired_state(run: PlanSession) -> cache.DesiredState:
    """Step 1: schema/ loaded and inspected, or remembered from an earlier plan."""
    key = run.found.desired_key
    state = cache.load(key)
    if state is not None:
        if state.engine is None and run.settings.verify_plans:
            state = _with_engine_view(run, state)
        return state
    settings, timings, progress = run.settings, run.timings, run.progress
    with timings.step("parse", progress):
        source = source_set(settings.schema_dir, discover(settings.schema_dir))
    extensions = declared_extensions(source)
    with timings.step("validate", progress):
        refuse_invalid(
            source,
            settings.platform,
            known_roles(settings, lambda: existing_roles(run.target)),
            settings.managed_schemas,
            conninfo_settings(settings),
        )
        declarations = _role_declarations(run, source)
    # The target is inspected while the shadow loads the desired state: the one is mostly
    # Python's work, the other the shadow server's, so on two cores they overlap. The steps'
    # timings stay those of this thread (they add up to the wall).
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspect-target")
    run.early = pool.submit(
        _inspect_target_at, run.target_url, run.found.signature, run.scope(extensions)
    )
    pool.shutdown(wait=False)
    with timings.step("shadow", progress):
        shadow = run.open_shadow()
    state = _load_desired(run, shadow, source, extensions, declarations)
    cache.store(key, state)
    return state


def _role_declarations(run: PlanSession, source: SourceSet) -> RoleDeclarations | None:
    """What schema/roles/ declares (roles as code), checked against the target's server:
    None unless `manage_roles`."""
    if not run.settings.manage_roles:
        return None
    declarations = read_declarations(f for f in source.files if f.roles)
    refuse_for_major(declarations, run.major)
    refuse_unmanageable(declarations, run.target)
    return declarations


def _with_engine_view(run: PlanSession, state: cache.DesiredState) -> cache.DesiredState:
    """The second opinion's view of a desired state remembered without it (by `drift`,
    which proves nothing), read from the database kept for it."""
    from creo_schema.diff.engine import EngineUnavailable, engine_view, freeze

    shadow = run.open_shadow()
    name = kept_desired(shadow.admin_url, run.found.desired_key)
    if name is None:
        return state
    with run.timings.step("engine", run.progress):
        try:
            url = acting_as(with_database(shadow.admin_url, name), run.found.applier)
            with connect(url) as conn:
                view = engine_view(conn, run.settings.managed_schemas, state.extensions)
        except EngineUnavailable:
            return state
    state = dataclasses.replace(state, engine=freeze(view), engine_fingerprint=view.fingerprint)
    cache.store(run.found.desired_key, state)
    return state


def _load_desired(
    run: PlanSession,
    shadow: ShadowServer,
    source: SourceSet,
    extensions: tuple[str, ...],
    declarations: RoleDeclarations | None = None,
) -> cache.DesiredState:
    """Load schema/ into a shadow database and inspect it; the database is kept on the
    shadow server under the cache key, for the proof to use. With `declarations` (roles as
    code), the desired roles are what they declare (shadow/roles.py)."""
    settings = run.settings
    timings, progress = run.timings, run.progress
    # One session does it all: each new one would fill its catalog caches again (a third of
    # an inspection's cost on a small schema).
    with (
        temporary_database(shadow.admin_url, run.template) as desired_url,
        connect(acting_as(desired_url, run.found.applier)) as conn,
    ):
        if declarations is not None:
            refuse_shared_cluster(run.target, shadow.admin_url)
        with timings.step("load", progress) as count:
            named = declarations.named() if declarations else frozenset()
            ensure_roles(shadow.admin_url, shadow_roles(source, settings) | named)
            load_into(conn, source, count=count)
        with timings.step("lint", progress), _read_only(conn):
            findings = _lint_errors(settings, source, conn)
        declared, hints = declared_data(source), rename_hints(source)
        subscriptions = declared_subscriptions(parsed_statements(source))
        # The parse trees are not needed past this point; at thousands of tables they weigh
        # as much as the inspection about to be built.
        parse_text.cache_clear()
        with timings.step("inspect", progress):
            desired = as_declared(
                inspect(conn, run.scope(extensions).without_roles()), subscriptions
            )
            rows = read_desired(conn, declared) if declared else []
            conn.rollback()
            if declarations is not None and settings.managed_roles:
                desired = _with_declared_roles(run, shadow, desired, declarations)
        engine, engine_fingerprint = _frozen_engine_view(run, conn, extensions)
        conn.close()  # nobody may be connected to the database being kept
        keep_desired(shadow.admin_url, desired_url, run.found.desired_key)
    return cache.DesiredState(
        desired, rows, extensions, hints, engine, engine_fingerprint, findings
    )


def _lint_errors(settings: Settings, source: SourceSet, conn: Connection) -> tuple[Finding, ...]:
    """The error-level findings of the lints over schema/ loaded on `conn`."""
    return tuple(
        f
        for f in run_lints(
            parsed_statements(source),
            conn,
            disabled=settings.lint_disable,
            levels=settings.lint_levels,
            exposed_schemas=settings.exposed_schemas,
        )
        if f.level == "error"
    )


def _with_declared_roles(
    run: PlanSession, shadow: ShadowServer, desired: Inspection, declarations: RoleDeclarations
) -> Inspection:
    """The desired state with the managed roles as schema/roles/ declares them."""
    return with_roles(
        desired,
        *declared_roles(
            shadow.admin_url, declarations, run.settings.managed_roles, run.found.applier
        ),
    )


def _frozen_engine_view(
    run: PlanSession, conn: Connection, extensions: tuple[str, ...]
) -> tuple[bytes | None, str]:
    """The second opinion's view of the desired database on `conn`, frozen, and its
    fingerprint; (None, "") unless `verify_plans`, or where it could not look."""
    from creo_schema.diff.engine import EngineUnavailable, engine_view, freeze

    if not run.settings.verify_plans:
        return None, ""
    with run.timings.step("engine", run.progress):
        try:
            view = engine_view(conn, run.settings.managed_schemas, extensions)
            # the view itself, at thousands of tables as heavy as the rest of the plan, is
            # let go on return: only its frozen form is kept
            return freeze(view), view.fingerprint
        except EngineUnavailable:
            return None, ""  # the proof says the second opinion could not look


@contextmanager
def _read_only(conn: Connection) -> Iterator[None]:
    """The lints only read: in autocommit, read-only, for as long as they run."""
    conn.autocommit = True
    conn.read_only = True
    try:
        yield
    finally:
        conn.read_only = False
        conn.autocommit = False


def refuse_lint_errors(findings: tuple[Any, ...]) -> None:
    """Error-level lint findings stop a plan as they stop `validate` (exit 2, located); a
    rule's level is configured with lint_levels and lint_disable."""
    if not findings:
        return
    first = findings[0]
    more = (
        f" (and {len(findings) - 1} more: run `creo-schema validate`)" if len(findings) > 1 else ""
    )
    raise InputError(
        f"{first.rule}: {first.message}{more}", location=first.location, hint=first.hint
    )


def _current_state(run: PlanSession, extensions: tuple[str, ...]) -> Inspection:
    """Step 2: the target, as inspected in the thread or now."""
    with run.timings.step("inspect", run.progress):
        if run.early is not None:
            return run.early.result()
        return _inspect_target(run.target, run.found.signature, run.scope(extensions))


def _inspect_target_at(url: str, signature: str, scope: Scope) -> Inspection:
    """`_inspect_target` on a connection of its own (psycopg connections are not shared
    between threads)."""
    with connect(url) as conn:
        return _inspect_target(conn, signature, scope)


def _inspect_target(target: Connection, signature: str, scope: Scope) -> Inspection:
    """The target's inspection, reused while its catalog signature is unchanged.

    The signature (one query, a few ms) moves with any DDL, GRANT or COMMENT; the full
    inspection costs ~20x more. Apply's stale-plan check trusts it the same way: the plan
    carries the signature, and a target that still shows it is the one the plan inspected.
    """
    key = cache.target_key(signature, scope)
    found = cache.load_target(key)
    if found is None:
        found = inspect(target, scope)
        if not target.autocommit:
            target.rollback()
        cache.store_target(key, found)
    return found


def refuse_invalid(
    source: SourceSet,
    platform: str,
    roles: KnownRoles | None = None,
    managed: tuple[str, ...] | None = None,
    subscriptions: dict[str, str] | None = None,
) -> None:
    """Static rules before anything is loaded: a DROP or DML in schema/ is never run.

    Skipped when the desired state is cached: that exact source passed before.
    """
    found = validate_source(source, platform, roles, managed, subscriptions)
    errors = [f for f in found if f.level == "error"]
    if errors:
        first = errors[0]
        more = (
            f" (and {len(errors) - 1} more: run `creo-schema validate`)" if len(errors) > 1 else ""
        )
        raise InputError(
            f"{first.rule}: {first.message}{more}", location=first.location, hint=first.hint
        )


def _changes(
    run: PlanSession,
    desired_state: cache.DesiredState,
    current: Inspection,
    data: DataChanges | None,
) -> Plan:
    """Step 3: the changes both ways, from a renamed copy of the target where hints apply."""
    renames = applicable(desired_state.renames, current.catalog)
    baseline = None
    if renames:
        with run.timings.step("renames", run.progress):
            shadow = run.open_shadow()
            present = {e.name: e.schema for e in current.catalog.extensions}
            copy = target_copy(
                shadow.admin_url,
                shadow.bin_dir,
                run.template,
                run.target,
                run.target_url,
                run.settings.managed_schemas,
                present,
                run.found.applier,
                run.settings.platform,
            )
            with copy as clone_url:
                baseline = renamed_baseline(clone_url, renames, run.scope(desired_state.extensions))
            if current.roles_digest:
                # The copy is of the schema; the managed roles are the target's as read.
                baseline = with_roles(
                    baseline, current.catalog.roles, current.catalog.role_memberships
                )
    with run.timings.step("diff", run.progress):
        between = Between(
            current,
            desired_state.inspected,
            desired_state.extensions,
            data,
            baseline,
            tuple(renames),
        )
        # Drift asks what differs, not whether it can be applied.
        applier = _applier(run, desired_state, current) if run.settings.verify_plans else None
        made = assemble(run, between, applier)
        if run.settings.verify_plans:
            kept = {r.name for r in desired_state.inspected.catalog.roles}
            refuse_role_drops(
                run.target,
                (r.name for r in current.catalog.roles if r.name not in kept),
                run.settings.managed_schemas,
                desired_state.inspected.catalog,
            )
        return made


def _applier(run: PlanSession, desired_state: cache.DesiredState, current: Inspection) -> Applier:
    """The target's applier, and the trust of the declared extensions the target lacks."""
    present = {e.name for e in current.catalog.extensions}
    return applier_of(run.target, set(desired_state.extensions) - present)


def _check_rows(run: PlanSession, plan: Plan) -> Plan:
    """Step 4a: every statement that can fail on the target's rows is checked against them
    (read-only) before the plan is shown: the migration's refuse the plan; the rollback's
    are warned of (it is for later, and checked again then, on the rows it will meet)."""
    with run.timings.step("checks", run.progress):
        problems = failing_checks(run.target, _with_checks(plan.statements))
        later = failing_checks(run.target, _with_checks(plan.rollback))
    if problems:
        raise SafetyError(
            f"the plan would fail on the target's rows: {problems[0]}"
            + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
            hint="change the data first, or declare a default or a USING-friendly type",
            details={"problems": problems},
        )
    if not later:
        return plan
    warnings = tuple(f"the rollback would fail on today's rows: {p}" for p in later)
    return plan.model_copy(update={"warnings": plan.warnings + warnings})


def _with_checks(statements: tuple[PlannedStatement, ...]) -> list[PlannedStatement]:
    return [s for s in statements if s.checks]
