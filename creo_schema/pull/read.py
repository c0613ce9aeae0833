"""The target's managed objects as the statements that create them, in dependency order.

The differ is asked for the changes from an empty database to the target's catalog: the
same statements a plan would run to create every object, rendered the same way every time
(our differ's SQL, never text copied from pg_dump). The managed schemas that exist in every
database (public) are kept on the empty side, so only what differs of them is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from creo_schema.catalog import CatalogSnapshot, Scope, snapshot
from creo_schema.catalog.inspection import managed_part
from creo_schema.catalog.kinds import SNAPSHOT_FIELDS
from creo_schema.db import Connection
from creo_schema.diff.change import Change, Unplannable
from creo_schema.diff.differ import KIND_LIST, diff
from creo_schema.diff.objects import Side, build_side
from creo_schema.errors import SafetyError

# Schemas every database has: pulled for what they differ in, never created.
BUILT_IN_SCHEMAS = frozenset({"public"})
# Where Supabase installs a project's extensions (and plain PostgreSQL projects often do).
EXTENSION_SCHEMAS = frozenset({"extensions"})


@dataclass(frozen=True)
class Pulled:
    """What the target holds, as creation statements, and its objects (for the layout)."""

    catalog: CatalogSnapshot
    changes: tuple[Change, ...]
    side: Side


def pulled(conn: Connection, schemas: tuple[str, ...], platform: str) -> Pulled:
    """The managed `schemas` of the target on `conn`, with the extensions they use."""
    everything = snapshot(conn, schemas, platform=platform)
    if not conn.autocommit:
        conn.rollback()
    extensions = tuple(
        e.name
        for e in everything.extensions
        if e.name != "plpgsql" and (e.schema in schemas or e.schema in EXTENSION_SCHEMAS)
    )
    catalog = managed_part(everything, Scope(schemas, extensions, platform=platform))
    try:
        changes = diff(_empty(catalog), catalog)
    except Unplannable as error:
        raise SafetyError(
            "the database holds what creo-schema cannot declare: " + "; ".join(error.problems),
            hint="nothing was written; these objects are named, never dropped silently",
            details={"problems": error.problems},
        ) from None
    return Pulled(catalog, tuple(changes), build_side(catalog, KIND_LIST))


def _empty(catalog: CatalogSnapshot) -> CatalogSnapshot:
    """A database with nothing of the target's but the built-in schemas."""
    emptied: dict[str, Any] = {  # every kind's rows: tuples, emptied
        field: ()
        for field in SNAPSHOT_FIELDS
        if field in CatalogSnapshot.__dataclass_fields__ and field != "schemas"
    }
    kept = tuple(s for s in catalog.schemas if s.name in BUILT_IN_SCHEMAS)
    return dataclasses.replace(catalog, schemas=kept, **emptied)
