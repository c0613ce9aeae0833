"""Step 3 of a plan: the changes both ways between two states, as the plan document.

The differ's changes become planned statements (online forms, phases, hazards, row
checks: plan/statements.py), the declared renames open the migration and close the
rollback, the declared rows go in once the tables are right, the access review adds who
gains or loses what, and the catalog's differences ride along for drift to word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from creo_schema.access.review import access_review, with_access_hazards
from creo_schema.catalog import CatalogSnapshot, Inspection
from creo_schema.catalog.differences import (
    ObjectDiff,
    object_diffs,
    sentences,
    without_parts_of_new,
)
from creo_schema.catalog.scope import server_option_notes, unmanaged_notes
from creo_schema.config import Settings, conninfo_settings
from creo_schema.diff.change import Change, Unplannable
from creo_schema.diff.data import DataChanges
from creo_schema.diff.differ import diff_both
from creo_schema.diff.objects import relation_ids
from creo_schema.diff.quote import qualified
from creo_schema.errors import SafetyError
from creo_schema.plan.privileges import Applier, refuse_what_the_applier_may_not_do
from creo_schema.plan.renames import rename_statements
from creo_schema.plan.session import PlanSession, managed_roles
from creo_schema.plan.statements import planned_statements, row_statements
from creo_schema.plan.subscriptions import refuse_unconfigured, with_conninfo_env
from creo_schema.plan_document import Plan, PlannedStatement
from creo_schema.source.hints import Rename
from creo_schema.urls import redact_url


@dataclass(frozen=True)
class Between:
    """The two states a plan goes between, and what else joins them."""

    current: Inspection  # the target, as read
    desired: Inspection  # schema/, loaded in the shadow
    extensions: tuple[str, ...]  # the declared ones
    data: DataChanges | None = None  # the declared rows that differ
    # With declared renames: the target with them done (the diff starts there).
    baseline: Inspection | None = None
    renames: tuple[Rename, ...] = ()

    @property
    def start(self) -> Inspection:
        return self.baseline or self.current


def assemble(session: PlanSession, between: Between, applier: Applier | None) -> Plan:
    """The plan from two inspections. With `applier`, a change it may not make refuses the
    plan (plan/privileges.py); without (drift), what differs is all that is asked."""
    settings, current, desired = session.settings, between.current, between.desired
    start = between.start
    variables = conninfo_settings(settings)
    before = with_conninfo_env(start.catalog, variables)
    after = with_conninfo_env(desired.catalog, variables)
    refuse_unconfigured(before, after, variables)
    up, down = _both_ways(settings, before, after, applier)
    # What differs, object by object (drift words it); nothing when the digests agree.
    differences: tuple[ObjectDiff, ...] = ()
    if start.fingerprint != desired.fingerprint:
        differences = tuple(without_parts_of_new(object_diffs(before, after)))
        if not up:
            _refuse_unplanned(differences)
    statements, rollback = _statements(between, up, down)
    # Who gains or loses what (issue 16): sentences, and weakens_security where it widens.
    review = access_review(
        current.catalog, desired.catalog, settings.platform, settings.exposed_schemas
    )
    return Plan(
        created_at=datetime.now(UTC).replace(microsecond=0),
        target=redact_url(session.target_url),
        server_major=current.server_major,
        platform=settings.platform,
        managed_schemas=settings.managed_schemas,
        managed_roles=managed_roles(settings),
        applier=current.catalog.current_user,
        extensions=between.extensions,
        source_fingerprint=session.found.fingerprint,
        target_fingerprint=current.fingerprint,
        desired_fingerprint=desired.fingerprint,
        statements=with_access_hazards(statements, review),
        rollback=rollback,
        warnings=unmanaged_notes(current.catalog, desired.catalog)
        + server_option_notes(current.catalog),
        access=review.notes(),
        differences=differences,
        row_differences=between.data.rows if between.data else (),
        subscriptions=session.found.subscriptions,
    )


def _both_ways(
    settings: Settings,
    before: CatalogSnapshot,
    after: CatalogSnapshot,
    applier: Applier | None,
) -> tuple[list[Change], list[Change]]:
    """The differ's changes from `before` to `after` and back; what it cannot plan, or the
    applier may not do, refuses the plan (exit 4)."""
    try:
        up, down, one, two = diff_both(before, after)
        refuse_what_the_applier_may_not_do(up, one, two, applier, settings.platform)
    except Unplannable as error:
        raise SafetyError(
            f"this change cannot be planned: {error.problems[0]}"
            + (f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""),
            hint="nothing was written; the objects named are not changed by creo-schema yet",
            details={"problems": error.problems},
        ) from None
    return up, down


def _statements(
    between: Between, up: list[Change], down: list[Change]
) -> tuple[tuple[PlannedStatement, ...], tuple[PlannedStatement, ...]]:
    """The migration and the rollback as planned statements: the renames first (undone
    last), the rows once the tables are right (taken out before the rollback's DDL)."""
    start, desired, data = between.start, between.desired, between.data
    major = between.current.server_major
    statements = rename_statements(between.renames) + planned_statements(
        up, _tables(start.catalog), _enum_labels(desired.catalog), major
    )
    rollback = planned_statements(
        down, _tables(desired.catalog), _enum_labels(start.catalog), major, online=False
    ) + rename_statements(reversed(between.renames), backward=True)
    if data:
        split = next(
            (i for i, s in enumerate(statements) if s.phase not in ("pre", "main")),
            len(statements),
        )
        statements = statements[:split] + row_statements(data.up) + statements[split:]
        rollback = row_statements(data.down) + rollback
    return statements, rollback


def _refuse_unplanned(differences: tuple[ObjectDiff, ...]) -> None:
    """The target's catalog is not the desired one, yet the differ found nothing to change:
    an empty plan would say "in sync" (and apply exit 0) with the database still different.
    Refused, naming what differs (exit 4), for every command, drift included."""
    # a field's difference reads "target -> schema/"
    found = sentences(differences, only=("only on the target", "only in schema/"))
    problems = found or ["(a field the snapshot's digest holds and no comparison names)"]
    raise SafetyError(
        "the target differs from schema/ where creo-schema plans no statement: "
        + problems[0]
        + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
        hint="nothing was written; the difference named is not one creo-schema changes yet",
        details={"problems": problems},
    )


def _tables(catalog: CatalogSnapshot) -> set[str]:
    """The ids of the relations that hold rows (tables, materialized views; a foreign
    table's rows are its server's)."""
    ids = relation_ids(catalog)
    return {ids[r.oid] for r in catalog.relations if r.kind not in ("view", "foreign table")}


def _enum_labels(catalog: CatalogSnapshot) -> Callable[[str], tuple[str, ...] | None]:
    labels = {qualified(e.schema, e.name): e.labels for e in catalog.enums}
    return labels.get
