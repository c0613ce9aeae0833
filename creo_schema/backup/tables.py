"""Which tables a backup holds, in which order, and how a table's content is summed up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psycopg import sql

from creo_schema.catalog import CatalogSnapshot, snapshot

# Session settings under which row text is stable, for COPY and for checksums alike.
STABLE_OUTPUT = (
    "set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; "
    "set extra_float_digits = 3; set bytea_output = 'hex'"
)


@dataclass(frozen=True)
class Table:
    schema: str
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, type) of the writable columns
    key: tuple[str, ...] | None
    parents: tuple[str, ...]  # tables (schema.name) this one references

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def ident(self) -> sql.Composable:
        return sql.Identifier(self.schema, self.name)

    @property
    def column_list(self) -> sql.Composable:
        return sql.SQL(", ").join(sql.Identifier(c) for c, _ in self.columns)

    def column_names(self) -> set[str]:
        return {c for c, _ in self.columns}


def read_tables(conn: Any, schemas: tuple[str, ...]) -> tuple[list[Table], CatalogSnapshot]:
    """The managed tables, parents before children (partitions are read through their root)."""
    snap = snapshot(conn, schemas, kinds=("relations", "columns", "constraints", "sequences"))
    tables = []
    for rel in snap.relations:
        if rel.kind not in ("table", "partitioned table") or rel.partition_of:
            continue
        cols = tuple(
            (c.name, c.type)
            for c in snap.columns_of(rel.schema, rel.name)
            if c.generated == ""  # generated columns are computed again on restore
        )
        key = next(
            (
                c.columns
                for c in snap.constraints
                if c.schema == rel.schema and c.table == rel.name and c.kind == "primary key"
            ),
            None,
        )
        parents = tuple(
            sorted(
                {
                    f"{c.ref_schema}.{c.ref_table}"
                    for c in snap.constraints
                    if c.schema == rel.schema and c.table == rel.name and c.kind == "foreign key"
                }
            )
        )
        tables.append(Table(rel.schema, rel.name, cols, key, parents))
    return foreign_key_order(tables), snap


def foreign_key_order(tables: list[Table]) -> list[Table]:
    """Parents first; a cycle (or a self reference) keeps the remaining tables' name order."""
    by_name = {t.qualified: t for t in tables}
    done: dict[str, Table] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done or name in visiting or name not in by_name:
            return
        visiting.add(name)
        for parent in by_name[name].parents:
            visit(parent)
        visiting.discard(name)
        done[name] = by_name[name]

    for name in sorted(by_name):
        visit(name)
    return list(done.values())


def checksum(conn: Any, table: Table) -> tuple[int, str]:
    """Row count and an order-independent sum of 64-bit hashes of every row's text.

    Computed by the server in one pass with constant memory; duplicates count, so a
    missing or doubled row changes it.
    """
    query = sql.SQL(
        "select count(*), coalesce(sum(hashtextextended(r::text, 0)::numeric), 0)::text "
        "from (select {} from {}) r"
    ).format(table.column_list, table.ident)
    count, total = conn.execute(query).fetchone()
    return int(count), f"{int(count)}:{total}"
