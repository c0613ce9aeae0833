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
from typing import Any

import pglast
from pglast import ast, enums

from creo_schema.plan.model import PlannedStatement

DELETES_DATA = "deletes_data"
ObjectType = enums.ObjectType


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
    """The tables `statement` can lose rows from, with why; None when it cannot be told."""
    try:
        node = pglast.parse_sql(statement.sql)[0].stmt
    except Exception:
        return None
    if isinstance(node, ast.DropStmt):
        return _dropped(node, facts)
    if isinstance(node, ast.AlterTableStmt):
        return _known_tables([_range(node.relation)], facts, "column dropped or narrowed")
    if isinstance(node, ast.TruncateStmt):
        return _known_tables([_range(r) for r in node.relations or ()], facts, "truncated")
    if isinstance(node, ast.DeleteStmt):
        return _known_tables([_range(node.relation)], facts, "rows deleted")
    return None


def _dropped(node: ast.DropStmt, facts: TargetFacts) -> dict[str, str] | None:
    kind = node.removeType
    names = [_dotted(obj) for obj in node.objects or ()]
    if kind == ObjectType.OBJECT_MATVIEW:
        return {}
    if kind == ObjectType.OBJECT_TABLE:
        return _known_tables(names, facts, "dropped")
    if kind == ObjectType.OBJECT_SCHEMA:
        if any(name not in facts.schemas for name in names):
            return None
        return {
            t: f"in dropped schema {t.split('.')[0]}"
            for t in facts.tables
            if t.split(".")[0] in names
        }
    if kind in (ObjectType.OBJECT_TYPE, ObjectType.OBJECT_DOMAIN):
        if any(name is None for name in names):
            return None
        return {
            table: f"has a column of dropped type {name}"
            for name in names
            for table in sorted(facts.type_users.get(str(name), frozenset()))
        }
    if kind == ObjectType.OBJECT_SEQUENCE:
        owners = [facts.sequence_owners.get(str(name)) for name in names]
        if any(owner is None for owner in owners):
            return None
        return _known_tables(owners, facts, "owns a dropped sequence")
    return None


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


def _range(relation: ast.RangeVar | None) -> str | None:
    if relation is None or not relation.schemaname:
        return None  # unqualified: which schema depends on search_path
    return f"{relation.schemaname}.{relation.relname}"


def _dotted(obj: Any) -> str | None:
    """`schema.name` of a dropped object; None when unqualified (or not a name)."""
    if isinstance(obj, ast.TypeName):
        obj = obj.names
    if isinstance(obj, ast.String):
        return str(obj.sval)  # a schema: one part
    if isinstance(obj, tuple | list) and len(obj) == 2:
        return ".".join(str(getattr(part, "sval", "")) for part in obj)
    return None
