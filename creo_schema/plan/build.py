"""Compute a plan: load the desired state into a shadow, diff the target against it.

The migration is target -> desired, the rollback desired -> target, both from the same two
inspections (from a renamed copy of the target when `creo:renamed-from` hints apply), then
proven before it is shown (plan/verify.py). The desired state is cached under the source's
fingerprint, and its database kept on the shadow server for verification to copy; the
target's inspection is cached under its catalog signature. So a plan against an unchanged
source and target loads nothing. Each step's duration is kept for `--format json` and the
benchmarks.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from creo_schema.config import Settings
from creo_schema.db import connect, server_major
from creo_schema.diff.data import DataChanges, data_changes, declared_data, read_desired
from creo_schema.diff.engine import Inspected, changes, column_types, inspect, table_names
from creo_schema.errors import InputError
from creo_schema.plan import cache
from creo_schema.plan.cache import cache_key
from creo_schema.plan.model import Plan
from creo_schema.plan.renames import applicable, backward_sql, forward_sql, renamed_baseline
from creo_schema.plan.statements import migration_statements, rollback_statements
from creo_schema.plan.timings import Progress, Timings
from creo_schema.plan.unchanged import Probe, probe, remember
from creo_schema.plan.verify import verify_plan
from creo_schema.platform import prelude_sql
from creo_schema.shadow.clone import target_copy
from creo_schema.shadow.load import load_statements
from creo_schema.shadow.select import ShadowServer, open_shadow
from creo_schema.shadow.tempdb import (
    ensure_template,
    keep_desired,
    kept_desired,
    temporary_database,
)
from creo_schema.source.discover import discover
from creo_schema.source.hints import Rename, rename_hints
from creo_schema.source.load import source_set
from creo_schema.source.model import SourceSet
from creo_schema.source.parse import parse_text
from creo_schema.source.validate import validate_source
from creo_schema.urls import redact_url


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
    managed = settings.managed_schemas
    prelude = prelude_sql(settings.platform)
    with connect(target_url) as target:
        found = found or probe(settings, target, timings, progress)
        major = server_major(target)
        key = found.desired_key
        desired_state = cache.load(key)
        shadow: ShadowServer | None = None
        template = ""
        early: Future[Inspected] | None = None
        if desired_state is None:
            with timings.step("parse", progress):
                source = source_set(settings.schema_dir, discover(settings.schema_dir))
            extensions = declared_extensions(source)
            with timings.step("validate", progress):
                refuse_invalid(source, settings.platform)
            # The target is inspected while the shadow loads the desired state: the one is
            # mostly Python's work, the other the shadow server's, so on two cores they
            # overlap. The steps' timings stay those of this thread (they add up to the wall).
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspect-target")
            early = pool.submit(
                _inspect_target_at, target_url, found.signature, managed, extensions
            )
            pool.shutdown(wait=False)
            with timings.step("shadow", progress):
                shadow, template = _open_shadow(settings, major, prelude)
            desired_state = _load_desired(
                shadow, template, key, source, managed, extensions, timings, progress
            )
            cache.store(key, desired_state)
        extensions = desired_state.extensions
        with timings.step("inspect", progress):
            current = (
                early.result()
                if early is not None
                else _inspect_target(target, found.signature, managed, extensions)
            )
            data = data_changes(desired_state.rows, target) if desired_state.rows else None
            target.rollback()
        desired = desired_state.inspected
        renames = applicable(desired_state.renames, current)
        baseline = None
        if renames:
            with timings.step("renames", progress):
                if shadow is None:
                    shadow, template = _open_shadow(settings, major, prelude)
                present = {e.name: e.schema for e in current.engine.extensions.values()}
                copy = target_copy(
                    shadow.admin_url, shadow.bin_dir, template, target, target_url, managed, present
                )
                with copy as clone_url:
                    baseline = renamed_baseline(clone_url, renames, managed, extensions)
        with timings.step("diff", progress):
            plan = assemble(
                settings,
                target_url,
                found.fingerprint,
                current,
                desired,
                extensions,
                data,
                baseline,
                renames,
            )
        if settings.verify_plans and plan.has_changes:
            with timings.step("verify", progress):
                if shadow is None:
                    shadow, template = _open_shadow(settings, major, prelude)
                plan = verify_plan(
                    plan,
                    shadow,
                    template,
                    target,
                    target_url,
                    current,
                    desired,
                    desired_db=kept_desired(shadow.admin_url, key),
                )
    remember(settings, found, plan, desired_state.rows)
    return plan, timings


def _inspect_target_at(
    url: str, signature: str, managed: tuple[str, ...], extensions: tuple[str, ...]
) -> Inspected:
    """`_inspect_target` on a connection of its own (psycopg connections are not shared
    between threads)."""
    with connect(url) as conn:
        return _inspect_target(conn, signature, managed, extensions)


def _inspect_target(
    target: Any, signature: str, managed: tuple[str, ...], extensions: tuple[str, ...]
) -> Inspected:
    """The target's inspection, reused while its catalog signature is unchanged.

    The signature (one query, a few ms) moves with any DDL, GRANT or COMMENT; the full
    inspection costs ~20x more. Apply's stale-plan check never uses this: it re-inspects.
    """
    key = cache_key("target", signature, managed, extensions)
    found = cache.load_target(key)
    if found is None:
        found = inspect(target, managed, extensions)
        cache.store_target(key, found)
    return found


def refuse_invalid(source: SourceSet, platform: str) -> None:
    """Static rules before anything is loaded: a DROP or DML in schema/ is never run.

    Skipped when the desired state is cached: that exact source passed before.
    """
    errors = [f for f in validate_source(source, platform) if f.level == "error"]
    if errors:
        first = errors[0]
        more = (
            f" (and {len(errors) - 1} more: run `creo-schema validate`)" if len(errors) > 1 else ""
        )
        raise InputError(
            f"{first.rule}: {first.message}{more}", location=first.location, hint=first.hint
        )


def _open_shadow(settings: Settings, major: int, prelude: str) -> tuple[ShadowServer, str]:
    shadow = open_shadow(settings.shadow, major, accept_mismatch=settings.accept_version_mismatch)
    return shadow, ensure_template(shadow.admin_url, prelude)


def _load_desired(
    shadow: ShadowServer,
    template: str,
    key: str,
    source: SourceSet,
    managed: tuple[str, ...],
    extensions: tuple[str, ...],
    timings: Timings,
    progress: Progress | None,
) -> cache.DesiredState:
    """Load schema/ into a shadow database and inspect it; the database is kept on the
    shadow server under `key`, for verification to copy."""
    with temporary_database(shadow.admin_url, template) as desired_url:
        with timings.step("load", progress):
            load_statements(desired_url, source)
        declared, hints = declared_data(source), rename_hints(source)
        # The parse trees are not needed past this point; at thousands of tables they weigh
        # as much as the inspection about to be built.
        parse_text.cache_clear()
        with timings.step("inspect", progress), connect(desired_url) as desired_conn:
            desired = inspect(desired_conn, managed, extensions)
            rows = read_desired(desired_conn, declared) if declared else []
        keep_desired(shadow.admin_url, desired_url, key)
    return cache.DesiredState(desired, rows, extensions, hints)


def assemble(
    settings: Settings,
    target_url: str,
    fingerprint: str,
    current: Inspected,
    desired: Inspected,
    extensions: tuple[str, ...],
    data: DataChanges | None = None,
    baseline: Inspected | None = None,
    renames: list[Rename] | None = None,
) -> Plan:
    """The plan from two inspections; with renames, the diff starts from `baseline` (the
    target with the renames done), and the renames open the migration and close the rollback."""
    start = baseline or current
    up = changes(start, desired)
    down = changes(desired, start)
    existing = table_names(start)
    forward = [forward_sql(r) for r in renames or ()]
    backward = [backward_sql(r) for r in reversed(renames or ())]
    before, after = column_types(start), column_types(desired)
    statements = rollback_statements(forward, existing) + migration_statements(up, existing, before)
    rollback = rollback_statements(down, old_types=after) + rollback_statements(backward, existing)
    if data:
        # Rows go in once the tables are right (end of the main transaction) and come out
        # before the rollback's DDL runs.
        split = next((i for i, s in enumerate(statements) if s.phase != "main"), len(statements))
        statements = statements[:split] + rollback_statements(data.up) + statements[split:]
        rollback = rollback_statements(data.down) + rollback
    return Plan(
        created_at=datetime.now(UTC).replace(microsecond=0),
        target=redact_url(target_url),
        server_major=current.server_major,
        platform=settings.platform,
        managed_schemas=settings.managed_schemas,
        extensions=extensions,
        source_fingerprint=fingerprint,
        target_fingerprint=current.fingerprint,
        desired_fingerprint=desired.fingerprint,
        statements=statements,
        rollback=rollback,
    )


def current_fingerprint(target_conn: object, plan: Plan) -> str:
    """The target's schema fingerprint now, measured as the plan measured it."""
    return inspect(target_conn, plan.managed_schemas, plan.extensions).fingerprint
