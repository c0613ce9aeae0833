"""Which tables a migration can lose rows from: what `apply --backup changed` backs up.

Plain functions over planned statements and a few facts read from the target. Only
statements carrying the `deletes_data` hazard count. Each is attributed to the tables whose
rows it can lose: a dropped table, an altered table (a column dropped or narrowed), a
truncated or deleted-from table, the managed tables of a dropped schema, the tables with a
column of a dropped type or domain (arrays, domains, ranges and composites over it
included), the table owning a dropped sequence. A statement that cannot be attributed (an
unqualified name, a table the backup does not read by itself such as a partition, an
extension, a statement of another kind) puts every managed table in the backup: the safe
side. A dropped materialized view loses only what its query computes again from tables,
and a backup holds no materialized view: it needs no backup.

The chosen tables are completed with every table that references them (foreign keys,
transitively), so that a restore can empty and reload them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from creo_schema.catalog.kinds import ObjectKind
from creo_schema.diff.quote import parts
from creo_schema.plan_document import PlannedStatement

DELETES_DATA = "deletes_data"


@dataclass(frozen=True)
class TargetFacts:
    """What the target says about the managed schemas (names are `schema.name`)."""

    schemas: frozenset[str]
    tables: Mapping[str, frozenset[str]]  # each table the backup reads -> the tables it references
    type_users: Mapping[str, frozenset[str]] = field(default_factory=dict)  # type -> tables
    sequence_owners: Mapping[str, str] = field(default_factory=dict)  # sequence -> its table


@dataclass(frozen=True)
class BackupScope:
    """`everything`: back up all managed tables. Else `tables` (empty: nothing can be lost)."""

    everything: bool
    tables: tuple[str, ...]
    reasons: Mapping[str, str]  # table (or "*" for everything) -> why it is backed up

    @property
    def needed(self) -> bool:
        return self.everything or bool(self.tables)


def tables_at_risk(statements: Iterable[PlannedStatement], facts: TargetFacts) -> BackupScope:
    reasons: dict[str, str] = {}
    for statement in statements:
        if DELETES_DATA not in statement.hazards:
            continue
        found = _attributed(statement, facts)
        if found is None:
            first_line = statement.sql.strip().splitlines()[0][:80] if statement.sql.strip() else ""
            why = f"cannot tell which tables `{first_line}` loses rows from"
            return BackupScope(True, tuple(sorted(facts.tables)), {"*": why})
        for table, why in found.items():
            reasons.setdefault(table, why)
    for table in _referencing(set(reasons), facts.tables):
        reasons.setdefault(table, "references a table above (restored together)")
    return BackupScope(False, tuple(sorted(reasons)), reasons)


def _attributed(statement: PlannedStatement, facts: TargetFacts) -> dict[str, str] | None:
    """The tables `statement` can lose rows from, with why; None when it cannot be told.

    Read from the statement's kind and the table it works on (plan/model.py), as the
    differ named them: never from its SQL text.
    """
    if statement.kind == ObjectKind.MATERIALIZED_VIEW:
        return {}
    if statement.kind == ObjectKind.SEQUENCE:
        owner = facts.sequence_owners.get(_raw(statement.target))
        return _known_tables([owner], facts, "owns a dropped sequence")
    if statement.kind == ObjectKind.TABLE and statement.action in ("drop", "replace"):
        return _known_tables([_raw(statement.target)], facts, "dropped")
    if statement.table:
        why = {"row": "rows deleted", "DropStmt": "dropped"}.get(
            statement.kind, "column dropped or narrowed"
        )
        return _known_tables([_raw(statement.table)], facts, why)
    return None


def _raw(name: str) -> str:
    """`schema.name` unquoted, as TargetFacts names tables."""
    return ".".join(parts(name))


def _known_tables(
    names: Iterable[str | None], facts: TargetFacts, why: str
) -> dict[str, str] | None:
    found = {}
    for name in names:
        if name is None or name not in facts.tables:
            return None
        found[name] = why
    return found


def _referencing(chosen: set[str], tables: Mapping[str, frozenset[str]]) -> set[str]:
    """Tables referencing any chosen one, directly or through others."""
    out: set[str] = set()
    frontier = set(chosen)
    while frontier:
        frontier = {
            child
            for child, parents in tables.items()
            if parents & frontier and child not in chosen and child not in out
        }
        out |= frontier
    return out
