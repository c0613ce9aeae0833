"""Hazards: what a planned statement may do to a running production database.

Modelled on pg-schema-diff's list, trimmed to what an operator decides on. Each hazard
comes with a sentence saying the consequence, not the mechanism.
"""

from __future__ import annotations

from enum import StrEnum


class Hazard(StrEnum):
    DELETES_DATA = "deletes_data"
    REWRITES_TABLE = "rewrites_table"
    ACCESS_EXCLUSIVE_LOCK = "access_exclusive_lock"
    SHARE_LOCK = "share_lock"
    INDEX_BUILD = "index_build"
    INDEX_DROPPED = "index_dropped"
    WEAKENS_SECURITY = "weakens_security"
    NOT_TRANSACTIONAL = "not_transactional"


# Refused unless the operator allows them (`--allow-destructive`, `--allow-hazard KIND`).
REFUSED_BY_DEFAULT = frozenset({Hazard.DELETES_DATA, Hazard.WEAKENS_SECURITY})

EXPLANATION = {
    Hazard.DELETES_DATA: "rows or values are lost and cannot be restored by the rollback",
    Hazard.REWRITES_TABLE: "the table is rewritten; it is locked and its size doubles meanwhile",
    Hazard.ACCESS_EXCLUSIVE_LOCK: "reads and writes of the table wait until the statement ends",
    Hazard.SHARE_LOCK: "writes to the table wait until the statement ends",
    Hazard.INDEX_BUILD: "building the index reads the whole table and loads the server",
    Hazard.INDEX_DROPPED: "queries that used the index may become slow",
    Hazard.WEAKENS_SECURITY: "data becomes reachable by more roles or rows than before",
    Hazard.NOT_TRANSACTIONAL: "runs outside the transaction: a failure leaves it half done until re-run",
}


def parse_hazard(name: str) -> Hazard:
    from creo_schema.errors import InputError

    try:
        return Hazard(name.strip().lower().replace("-", "_"))
    except ValueError:
        known = ", ".join(h.value for h in Hazard)
        raise InputError(f"unknown hazard {name!r}", hint=f"known hazards: {known}") from None
