"""What `pg_dump --schema` leaves out of a copy of the target, planned by our own differ.

Casts, event triggers, publications, foreign-data wrappers, servers, user mappings and
subscriptions live outside every schema, so a copy of the target's managed schemas (shadow/clone.py) lacks them: its
foreign tables would not even load without their servers. They are created in the copy
from the target's snapshot, as the differ would create them: the wrappers, servers and user
mappings before the dump is loaded, the rest (publications, their tables, event triggers)
after it (casts too, which need the dump's types and functions), each with its comment, owner and privileges. Anything else the differ would
change is not this module's business and is left out: the copy is compared with the target
afterwards, as before.
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot, snapshot
from creo_schema.db import Connection
from creo_schema.diff.change import Unplannable
from creo_schema.diff.differ import diff
from creo_schema.errors import SafetyError

BEFORE_THE_DUMP = frozenset({"foreign data wrapper", "server", "user mapping"})
AFTER_THE_DUMP = BEFORE_THE_DUMP | {
    # `pg_dump --schema` keeps the default privileges of the schemas it dumps, not the
    # database-wide ones; after the dump, so that its objects do not take their grants.
    "default privileges",
    "cast",
    "event trigger",
    "publication",
    "publication table",
    "publication schema",
    # as the shadow holds one: never reaching its publisher (diff/kinds/subscriptions.py)
    "subscription",
}


def outside_dump_sql(
    conn: Connection, schemas: tuple[str, ...], target: CatalogSnapshot, kinds: frozenset[str]
) -> list[str]:
    """The statements that give the copy on `conn` the target's objects of `kinds`.

    :param target: the target's catalog snapshot (of the same managed schemas).
    """
    if not any(
        (
            target.casts,
            target.event_triggers,
            target.publications,
            target.foreign_data_wrappers,
            target.foreign_servers,
            target.user_mappings,
            target.default_privileges,
            target.subscriptions,
        )
    ):
        return []  # the common case: nothing outside the dump, no diff needed
    copy = snapshot(conn, schemas, platform=target.platform)
    try:
        changes = diff(copy, target)
    except Unplannable as error:
        raise SafetyError(
            f"the target's schema cannot be copied into the shadow: {error.problems[0]}",
            hint="nothing was written; the plan could not be proven",
        ) from None
    return [c.details.get("shadow_sql") or c.sql for c in changes if c.kind in kinds]
