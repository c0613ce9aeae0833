"""Hazards: what a planned statement may do to a running production database.

Modelled on pg-schema-diff's list, trimmed to what an operator decides on. Each hazard
comes with a sentence saying the consequence, not the mechanism.
"""

from __future__ import annotations

from enum import StrEnum

from creo_schema.diff.effects import Effects, Lock, Transaction


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


# Consequences to hazards, in the order a plan lists them. The writer of each statement says
# what it does (diff/effects.py); what of that an operator must decide on is said here.
def hazards_of(effects: Effects) -> list[Hazard]:
    """The hazards of a statement that has these effects."""
    found = (
        (effects.deletes_data, Hazard.DELETES_DATA),
        (effects.rewrites, Hazard.REWRITES_TABLE),
        (effects.widens_access, Hazard.WEAKENS_SECURITY),
        (effects.drops_index, Hazard.INDEX_DROPPED),
        (effects.lock is Lock.ACCESS_EXCLUSIVE, Hazard.ACCESS_EXCLUSIVE_LOCK),
        (effects.builds_index, Hazard.INDEX_BUILD),
        (effects.lock in _WRITES_WAIT, Hazard.SHARE_LOCK),
        (effects.replicates, Hazard.REPLICATES_DATA),
        (effects.stops_replication, Hazard.STOPS_REPLICATION),
        (effects.transaction is Transaction.OUTSIDE, Hazard.NOT_TRANSACTIONAL),
        (effects.drops_role, Hazard.DROPS_ROLE),
    )
    return [hazard for present, hazard in found if present]


# SHARE and SHARE ROW EXCLUSIVE: reads go on, writes wait (`share_lock`). SHARE UPDATE
# EXCLUSIVE lets both go on: no hazard.
_WRITES_WAIT = frozenset({Lock.SHARE, Lock.SHARE_ROW_EXCLUSIVE})
