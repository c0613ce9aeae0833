"""The commonest plan, short-cut: nothing changed since a plan that found nothing to do.

`plan` and `drift` run on every pull request, mostly against a database already in sync.
When the last plan from this exact source against this exact target catalog (its signature,
catalog/signature.py) found no difference, the schema diff would find none again; only the
declared reference rows (data/) can have changed, since the signature does not move with
rows, and they are compared afresh. So such a plan costs a parse of the source to its
fingerprint, one catalog query and the reference rows: it needs neither the engine nor the
shadow, and this module imports neither (their import alone costs more than the check).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from creo_schema.catalog.signature import catalog_signature
from creo_schema.config import Settings
from creo_schema.db import Connection, current_role, server_major
from creo_schema.diff.data import DesiredRows, data_changes
from creo_schema.plan.cache import cache_key, read_entry, write_entry
from creo_schema.plan.fingerprint import source_fingerprint
from creo_schema.plan.timings import Progress, Timings
from creo_schema.plan_document import Plan
from creo_schema.platform import prelude_sql
from creo_schema.source.discover import discover
from creo_schema.source.subscriptions import created_subscriptions
from creo_schema.urls import redact_url


@dataclass(frozen=True)
class Probe:
    """What identifies a plan's inputs; measured once, used by the full plan on a miss."""

    fingerprint: str  # of the source
    desired_key: str  # the desired-state cache key (source, prelude, server, settings)
    signature: str  # of the target's catalog
    applier: str  # the role the target is changed as: the shadow acts as it (db.acting_as)
    # The managed subscriptions: those schema/ declares, and those the target's last
    # migration managed (settings.managed_subscriptions); catalog/inspection.py reads these.
    subscriptions: tuple[str, ...] = ()


def probe(
    settings: Settings, target: Connection, timings: Timings, progress: Progress | None
) -> Probe:
    with timings.step("parse", progress):
        files = discover(settings.schema_dir)
        fingerprint = source_fingerprint(files)
        declared = created_subscriptions(files)
    with timings.step("inspect", progress):
        applier = current_role(target)
        signature = catalog_signature(target)
        target.rollback()
    subscriptions = tuple(sorted({*declared, *settings.managed_subscriptions}))
    desired_key = desired_state_key(settings, fingerprint, server_major(target), applier)
    return Probe(fingerprint, desired_key, signature, applier, subscriptions)


def desired_state_key(settings: Settings, fingerprint: str, major: int, applier: str) -> str:
    """The desired-state cache key: everything that shapes the desired state, its lint
    findings and so the plan (the source with its directives, the prelude, the server's
    major version, the settings that decide what is managed, exposed and allowed, the roles
    the shadow is given, the applier it acts as, who owns what schema/ leaves unowned; the
    tool's and the engine's versions are in every key)."""
    shaping = settings.model_dump(
        mode="json",
        include={
            "platform",
            "managed_schemas",
            "shadow",
            "exposed_schemas",
            "lint_disable",
            "lint_levels",
            "accept_version_mismatch",
            "roles",
            "manage_roles",
            "managed_roles",
            # where each declared subscription's connection string comes from (validated
            # against schema/), and which ones the target's history keeps managed
            "subscriptions",
            "managed_subscriptions",
        },
    )
    return cache_key(
        fingerprint, prelude_sql(settings.platform), major, applier, sorted(shaping.items())
    )


def _key(found: Probe, settings: Settings) -> str:
    return cache_key("in-sync", found.desired_key, found.signature, settings.verify_plans)


def unchanged_plan(
    settings: Settings,
    target: Connection,
    target_url: str,
    found: Probe,
    timings: Timings,
    progress: Progress | None,
) -> Plan | None:
    """The empty plan, when the last plan from these inputs was empty and no declared row
    changed since; else None."""
    entry = read_entry("in-sync", _key(found, settings))
    if entry is None:
        return None
    document, rows = entry
    with timings.step("inspect", progress):
        data = data_changes(rows, target) if rows else None
        target.rollback()
    if data and (data.up or data.down):
        return None
    plan = Plan.model_validate_json(document)
    return plan.model_copy(
        update={
            "created_at": datetime.now(UTC).replace(microsecond=0),
            "target": redact_url(target_url),
        }
    )


def remember(settings: Settings, found: Probe, plan: Plan, rows: list[DesiredRows]) -> None:
    """Record an empty plan for these inputs (a plan with changes is never short-cut)."""
    if not plan.has_changes:
        write_entry("in-sync", _key(found, settings), (plan.model_dump_json(), rows))
