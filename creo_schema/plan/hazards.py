"""Hazards: what a planned statement may do to a running production database.

Modelled on pg-schema-diff's list, trimmed to what an operator decides on. Each hazard
comes with a sentence saying the consequence, not the mechanism.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Hazard(StrEnum):
    DELETES_DATA = "deletes_data"
    REWRITES_TABLE = "rewrites_table"
    ACCESS_EXCLUSIVE_LOCK = "access_exclusive_lock"
    SHARE_LOCK = "share_lock"
    INDEX_BUILD = "index_build"
    INDEX_DROPPED = "index_dropped"
    WEAKENS_SECURITY = "weakens_security"
    NOT_TRANSACTIONAL = "not_transactional"
    STOPS_REPLICATION = "stops_replication"
    DROPS_ROLE = "drops_role"
    REPLICATES_DATA = "replicates_data"


# Refused unless the operator allows them (`--allow-destructive`, `--allow-hazard KIND`).
# Stopping replication loses, for the subscriber, every change made until it is restored.
# A dropped role's password is gone for good: its rollback recreates it without one.
REFUSED_BY_DEFAULT = frozenset(
    {Hazard.DELETES_DATA, Hazard.WEAKENS_SECURITY, Hazard.STOPS_REPLICATION, Hazard.DROPS_ROLE}
)

EXPLANATION = {
    Hazard.DELETES_DATA: "rows or values are lost and cannot be restored by the rollback",
    Hazard.REWRITES_TABLE: "the table is rewritten; it is locked and its size doubles meanwhile",
    Hazard.ACCESS_EXCLUSIVE_LOCK: "reads and writes of the table wait until the statement ends",
    Hazard.SHARE_LOCK: "writes to the table wait until the statement ends",
    Hazard.INDEX_BUILD: "building the index reads the whole table and loads the server",
    Hazard.INDEX_DROPPED: "queries that used the index may become slow",
    Hazard.WEAKENS_SECURITY: "data becomes reachable by more roles or rows than before",
    Hazard.NOT_TRANSACTIONAL: "runs outside the transaction: a failure leaves it half done until re-run",
    Hazard.STOPS_REPLICATION: (
        "replication stops: subscribers (and Supabase Realtime) stop receiving the changes "
        "a publication published, or this database those a subscription received; what "
        "changes meanwhile is never sent"
    ),
    Hazard.REPLICATES_DATA: (
        "rows start arriving from another server's publication: its tables' rows are "
        "copied in (copy_data) and their changes applied here, whatever else writes them"
    ),
    Hazard.DROPS_ROLE: (
        "the role is dropped with its password: sessions can no longer log in as it, and "
        "the rollback recreates it without a password"
    ),
}


def parse_hazard(name: str) -> Hazard:
    from creo_schema.errors import InputError

    try:
        return Hazard(name.strip().lower().replace("-", "_"))
    except ValueError:
        known = ", ".join(h.value for h in Hazard)
        raise InputError(f"unknown hazard {name!r}", hint=f"known hazards: {known}") from None


# What each kind of change risks, from the change itself (diff/change.py), never from its
# text. Lock hazards are the locks PostgreSQL takes on the table the statement names.
_DROPS_DATA = frozenset({"table", "sequence", "extension"})
# What a publication publishes: dropping any of it stops that replication.
_PUBLISHED = frozenset({"publication", "publication table", "publication schema"})


def hazards_of(change: Any) -> list[Hazard]:
    """The hazards of one change of the differ (a `Change`)."""
    from creo_schema.plan import access, column_types

    kind, action, operation, facts = change.kind, change.action, change.operation, change.details
    out: list[Hazard] = []
    dropping = bool(change.drops) and not change.creates
    # A foreign table's rows are its server's: dropping it, or a column, loses none.
    foreign = bool(facts.get("foreign"))
    if dropping and change.identity in change.drops:
        if (kind in _DROPS_DATA and not foreign) or (
            kind == "materialized view" and action == "drop"
        ):
            out.append(Hazard.DELETES_DATA)
        # (a column passing through another type while its own is replaced is not dropped:
        # the change names it as dropped only so that what reads it goes first)
        passing = bool(facts.get("passing"))
        if kind == "column" and not facts.get("generated") and not foreign and not passing:
            out += [Hazard.DELETES_DATA, Hazard.ACCESS_EXCLUSIVE_LOCK]
        if kind == "table":
            out.append(Hazard.ACCESS_EXCLUSIVE_LOCK)
        if kind in ("index", "constraint") and (
            kind == "index"
            or facts.get("constraint_kind") in ("primary key", "unique", "exclusion")
        ):
            out.append(Hazard.INDEX_DROPPED)
        if kind == "constraint":
            out.append(Hazard.ACCESS_EXCLUSIVE_LOCK)
        if kind == "materialized view" and action == "replace":
            out.append(Hazard.ACCESS_EXCLUSIVE_LOCK)  # gone until the new one is filled
        if kind in _PUBLISHED and (action == "drop" or kind == "publication"):
            # A table's replaced entry is back in the same transaction; a replaced
            # publication (FOR ALL TABLES changed) may publish less.
            out.append(Hazard.STOPS_REPLICATION)
    if operation == "publication_options" and facts.get("unpublished"):
        out.append(Hazard.STOPS_REPLICATION)  # inserts, updates, ... no longer published
    # A subscription's (diff/kinds/subscriptions.py): rows start or stop coming in; a
    # statement that reaches the publisher (a slot made or dropped there, a refresh) runs
    # outside the transaction.
    if facts.get("replicates"):
        out.append(Hazard.REPLICATES_DATA)
    if facts.get("stops"):
        out.append(Hazard.STOPS_REPLICATION)
    if facts.get("outside_transaction"):
        out.append(Hazard.NOT_TRANSACTIONAL)
    if facts.get("drops_values"):
        out.append(Hazard.DELETES_DATA)  # a composite type's attribute, out of its columns
    if kind in ("role", "role membership"):
        # Roles as code (diff/kinds/roles.py): what a role may newly do, and a role gone.
        if facts.get("widens"):
            out.append(Hazard.WEAKENS_SECURITY)
        if kind == "role" and action == "drop":
            out.append(Hazard.DROPS_ROLE)
        return out
    if kind == "policy":
        if access.policy_widens(facts.get("before"), facts.get("after")):
            out.append(Hazard.WEAKENS_SECURITY)
        return out
    if operation == "alter_column_type" and foreign:
        out.append(Hazard.ACCESS_EXCLUSIVE_LOCK)  # nothing to rewrite or lose: no rows here
    elif operation == "alter_column_type":
        change_ = column_types.formatted_change(facts.get("old_type"), facts["new_type"])
        if change_.narrows and not facts.get("passing"):
            out.append(Hazard.DELETES_DATA)
        if change_.rewrites:
            out.append(Hazard.REWRITES_TABLE)
        out.append(Hazard.ACCESS_EXCLUSIVE_LOCK)
    elif operation in (
        "add_column",
        "set_not_null",
        "drop_not_null",
        "add_constraint",
        "drop_expression",
        "set_expression",
        "add_identity",
        "drop_identity",
        "set_generated",
        "identity_options",
        "set_default",
        "drop_default",
        "detach_partition",
        "attach_partition",
        "inherit",
        "no_inherit",
        "replica_identity",
        "set_storage_parameters",
        "reset_storage_parameters",
        "set_storage",
        "set_compression",
        "set_statistics",
        "enable_trigger",
        "enable_rule",
        "enable_rls",
        "force_rls",
        "refresh",
    ):
        out.append(Hazard.ACCESS_EXCLUSIVE_LOCK)
        if operation == "add_constraint" and facts.get("constraint_kind") in (
            "primary key",
            "unique",
            "exclusion",
        ):
            out.append(Hazard.INDEX_BUILD)  # built while the table is locked
    elif operation == "alter_constraint":
        out.append(Hazard.SHARE_LOCK)  # SHARE ROW EXCLUSIVE: writes wait, reads go on
    elif operation == "set_logged":
        out += [Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK]
    elif operation == "add_foreign_key":
        out.append(Hazard.SHARE_LOCK)  # SHARE ROW EXCLUSIVE, on both tables: writes wait
    elif operation == "create_index":
        out += [Hazard.INDEX_BUILD, Hazard.SHARE_LOCK]
    elif operation in ("disable_rls", "no_force_rls"):
        out += [Hazard.WEAKENS_SECURITY, Hazard.ACCESS_EXCLUSIVE_LOCK]
    elif operation == "grant" and facts.get("grantee") in ("public", "anon"):
        out.append(Hazard.WEAKENS_SECURITY)
    elif operation in ("create_view", "replace_view") and not _invoker(facts.get("options")):
        if facts.get("before_options") is None or _invoker(facts.get("before_options")):
            out.append(Hazard.WEAKENS_SECURITY)  # a new definer view, or invoker no more
    elif (
        operation in ("create_function", "replace_function", "alter_function")
        and facts.get("security_definer")
        and not facts.get("search_path")
    ):
        out.append(Hazard.WEAKENS_SECURITY)
    return list(dict.fromkeys(out))


def _invoker(options: Any) -> bool:
    return any(
        o.lower() in ("security_invoker=true", "security_invoker=on", "security_invoker=1")
        for o in options or ()
    )
