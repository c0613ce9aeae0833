"""Online rewrites: change an existing table without holding it locked for a full scan.

- An index on an existing table is built `CONCURRENTLY`, outside the transaction (unless a
  statement of the main transaction needs it, or the table is partitioned).
- A foreign key or check added to an existing table is added `NOT VALID` (a brief lock),
  then validated in a transaction of its own (SHARE UPDATE EXCLUSIVE: writes go on).
- `SET NOT NULL` on an existing column goes through a validated `CHECK (col IS NOT NULL)`,
  which lets PostgreSQL (12+) set NOT NULL without scanning again; the check is dropped after.

Only statements on tables that hold rows come here (plan/statements.py decides); the rewrite
reads the change's facts, and writes SQL from them and from the server's own definitions.
"""

from __future__ import annotations

import hashlib

from creo_schema.diff.change import Change
from creo_schema.diff.quote import ident
from creo_schema.plan.hazards import Hazard
from creo_schema.plan.model import Phase

Step = tuple[str, Phase, list[Hazard]]


def online_steps(change: Change, hazards: list[Hazard], needed: set[str]) -> list[Step]:
    facts = change.details
    table = change.table.partition(":")[2]
    if change.details.get("own_transaction"):
        return [(change.sql, "pre", hazards)]
    if (
        change.operation == "create_index"
        and not facts.get("partitioned")
        and change.identity not in needed
        and change.sql.startswith(("CREATE INDEX ", "CREATE UNIQUE INDEX "))
    ):
        # The server prints CREATE [UNIQUE] INDEX name ON ...: the build goes concurrent.
        sql = change.sql.replace(" INDEX ", " INDEX CONCURRENTLY ", 1)
        without_lock = [h for h in hazards if h is not Hazard.SHARE_LOCK]
        return [(sql, "concurrent", [*without_lock, Hazard.NOT_TRANSACTIONAL])]
    if (
        change.operation in ("add_constraint", "add_foreign_key")
        and facts.get("constraint_kind") in ("check", "foreign key")
        and "NOT VALID" not in str(facts.get("definition", ""))
        and facts.get("enforced", True)  # PostgreSQL 18: a NOT ENFORCED one is never validated
        and not (facts.get("constraint_kind") == "foreign key" and facts.get("on_partitioned"))
    ):
        name = ident(facts["constraint"])
        validate = f"alter table {table} validate constraint {name}"
        return [(f"{change.sql} not valid", "main", hazards), (validate, "validate", [])]
    if change.operation == "set_not_null" and facts.get("column") and not facts.get("at_once"):
        return _not_null_through_check(table, facts["column"])
    if change.operation == "cluster_on":
        return [(change.sql, "post", hazards)]  # after a concurrent build of its index
    if change.operation == "replica_identity" and " using index " in change.sql:
        # The index's columns must be NOT NULL, which the online SET NOT NULL above makes
        # true only in the last phase.
        return [(change.sql, "post", hazards)]
    return [(change.sql, "main", hazards)]


def _not_null_through_check(table: str, column: str) -> list[Step]:
    digest = hashlib.sha256(f"{table}.{column}".encode()).hexdigest()[:8]
    check = ident(f"creo_not_null_{digest}")
    name = ident(column)
    lock = [Hazard.ACCESS_EXCLUSIVE_LOCK]
    return [
        (
            f"alter table {table} add constraint {check} check ({name} is not null) not valid",
            "main",
            lock,
        ),
        (f"alter table {table} validate constraint {check}", "validate", []),
        # Proven by the validated check: PostgreSQL skips the scan; the lock is brief.
        (f"alter table {table} alter column {name} set not null", "post", lock),
        (f"alter table {table} drop constraint {check}", "post", lock),
    ]
