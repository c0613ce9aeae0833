"""What a plan adds to the subscriptions the catalog reads: the facts only their
declarations and the configuration know.

- A subscription schema/ declares is read from the shadow, where it was created with
  `connect = false` (source/subscriptions.py): what CREATE SUBSCRIPTION does on the target
  beyond its catalog row (connect, make the slot, copy the rows) is taken from its parse
  tree (`as_declared`), never from SQL text.
- The environment variable holding each one's connection string is the configuration's
  (`[subscriptions.<name>] conninfo_env`), set on both sides before the diff
  (`with_conninfo_env`): the create of either direction names it. A subscription the plan
  drops is created again by its rollback, so its setting is needed as long as it exists
  (`refuse_unconfigured`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from creo_schema.catalog import CatalogSnapshot, Inspection
from creo_schema.errors import InputError
from creo_schema.source.subscriptions import Declared


def as_declared(inspected: Inspection, declared: Mapping[str, Declared]) -> Inspection:
    """The desired state's subscriptions with what their declarations do at creation (the
    fields the digest leaves out: the digest stays the same)."""
    catalog = inspected.catalog
    if not catalog.subscriptions:
        return inspected
    rows = []
    for item in catalog.subscriptions:
        facts = declared.get(item.name)
        if facts is not None:
            item = dataclasses.replace(
                item,
                connect=facts.connect,
                remote_slot=facts.create_slot,
                copy_data=facts.copy_data,
            )
        rows.append(item)
    return dataclasses.replace(
        inspected, catalog=dataclasses.replace(catalog, subscriptions=tuple(rows))
    )


def with_conninfo_env(catalog: CatalogSnapshot, variables: Mapping[str, str]) -> CatalogSnapshot:
    if not catalog.subscriptions:
        return catalog
    rows = tuple(
        dataclasses.replace(item, conninfo_env=variables.get(item.name, ""))
        for item in catalog.subscriptions
    )
    return dataclasses.replace(catalog, subscriptions=rows)


def refuse_unconfigured(
    current: CatalogSnapshot, desired: CatalogSnapshot, variables: Mapping[str, str]
) -> None:
    """Exit 2 when the migration or its rollback creates a subscription whose connection
    string no setting says where to read from."""
    have = {s.name for s in current.subscriptions}
    want = {s.name for s in desired.subscriptions}
    for name in sorted(want - have):
        if name not in variables:
            raise InputError(
                f"subscription {name} has no [subscriptions.{name}] conninfo_env setting: "
                "creo-schema would not know where to read its connection string from",
                hint=f'add [subscriptions.{name}] with conninfo_env = "VARIABLE" to the '
                "configuration",
            )
    for name in sorted(have - want):
        if name not in variables:
            raise InputError(
                f"subscription {name} is dropped by this plan, and its rollback creates it "
                f"again: it needs its [subscriptions.{name}] conninfo_env setting",
                hint=f"keep [subscriptions.{name}] in the configuration until the drop is "
                "applied; nothing was changed",
            )
