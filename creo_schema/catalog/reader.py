"""Read a database's schema in one round trip.

Each kind's query lives in `sql/<kind>.sql`; they are joined into one statement that returns
one row with one JSON array per kind, all filtered through the `target_ns` CTE (the schemas
asked for). JSON keeps the cost close to the raw catalog read: the server builds the arrays,
psycopg parses each with the C json module, and each row becomes a dataclass with no mapping
code, because the query's column names are the dataclass's field names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import psycopg

from creo_schema.catalog.model import (
    Column,
    Comment,
    CompositeType,
    Constraint,
    DefaultPrivilege,
    Dependency,
    Domain,
    Enum,
    Extension,
    Function,
    Index,
    Policy,
    Privilege,
    Relation,
    Sequence,
    Trigger,
    TypeRef,
    View,
)
from creo_schema.errors import DatabaseError

# Kind name (query file and snapshot field) -> the class of its rows, in reporting order.
KINDS: dict[str, type] = {
    "extensions": Extension,
    "enums": Enum,
    "domains": Domain,
    "composite_types": CompositeType,
    "sequences": Sequence,
    "relations": Relation,
    "columns": Column,
    "constraints": Constraint,
    "indexes": Index,
    "views": View,
    "functions": Function,
    "triggers": Trigger,
    "policies": Policy,
    "comments": Comment,
    "privileges": Privilege,
    "default_privileges": DefaultPrivilege,
    "dependencies": Dependency,
    "type_refs": TypeRef,
}


@dataclass(frozen=True, slots=True)
class CatalogSnapshot:
    """Everything in the given schemas that a schema change can touch."""

    server_version: int
    schemas: tuple[str, ...]
    extensions: tuple[Extension, ...]
    enums: tuple[Enum, ...]
    domains: tuple[Domain, ...]
    composite_types: tuple[CompositeType, ...]
    sequences: tuple[Sequence, ...]
    relations: tuple[Relation, ...]
    columns: tuple[Column, ...]
    constraints: tuple[Constraint, ...]
    indexes: tuple[Index, ...]
    views: tuple[View, ...]
    functions: tuple[Function, ...]
    triggers: tuple[Trigger, ...]
    policies: tuple[Policy, ...]
    comments: tuple[Comment, ...]
    privileges: tuple[Privilege, ...]
    default_privileges: tuple[DefaultPrivilege, ...]
    dependencies: tuple[Dependency, ...]
    type_refs: tuple[TypeRef, ...]

    def relation(self, schema: str, name: str) -> Relation | None:
        return next((r for r in self.relations if r.schema == schema and r.name == name), None)

    def columns_of(self, schema: str, table: str) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.schema == schema and c.table == table)

    def tables(self) -> tuple[Relation, ...]:
        return tuple(r for r in self.relations if r.is_table)


# Read unless asked otherwise: `type_refs` only serves type generation.
DEFAULT_KINDS = tuple(k for k in KINDS if k != "type_refs")


@cache
def snapshot_sql(kinds: tuple[str, ...] = DEFAULT_KINDS) -> str:
    """The one statement that reads the given kinds (built once per process)."""
    folder = resources.files(__package__).joinpath("sql")
    parts = []
    for kind in kinds:
        body = folder.joinpath(f"{kind}.sql").read_text(encoding="utf-8").strip().rstrip(";")
        parts.append(
            f"(select coalesce(json_agg(row_to_json(k)), '[]'::json) from (\n{body}\n) k) as {kind}"
        )
    return (
        "with target_ns as (select oid, nspname from pg_namespace "
        "where nspname = any(%(schemas)s::text[]))\nselect current_setting('server_version_num')::int,\n"
        + ",\n".join(parts)
    )


def snapshot(
    conn: Any, schemas: Iterable[str], *, kinds: Iterable[str] = DEFAULT_KINDS
) -> CatalogSnapshot:
    """Read the schemas' objects from `conn` (any psycopg connection; nothing is written).

    :param kinds: what to read (names of `KINDS`); the others stay empty. `type_refs` is
        left out unless asked for.

    A connection that is not in autocommit mode is left as it was found: the read runs in
    its own transaction when none is open, which is rolled back.
    """
    names = tuple(schemas)
    wanted = tuple(k for k in KINDS if k in set(kinds))
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown catalog kinds: {', '.join(sorted(unknown))}")
    was_idle = conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    try:
        with conn.cursor() as cursor:
            cursor.execute(snapshot_sql(wanted), {"schemas": list(names)})
            row = cursor.fetchone()
    except psycopg.Error as error:
        raise DatabaseError(f"reading the catalog failed: {error}") from error
    finally:
        if not conn.autocommit and was_idle:
            conn.rollback()
    values: dict[str, Any] = {kind: () for kind in KINDS}
    values.update(server_version=row[0], schemas=names)
    for kind, rows in zip(wanted, row[1:], strict=True):
        cls = KINDS[kind]
        values[kind] = tuple(_build(cls, r) for r in rows)
    return CatalogSnapshot(**values)


@cache
def _tuple_fields(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls) if "tuple" in str(f.type))


def _build(cls: type, row: dict[str, Any]) -> Any:
    for name in _tuple_fields(cls):
        value = row.get(name)
        row[name] = tuple(value) if value is not None else ()
    return cls(**row)
