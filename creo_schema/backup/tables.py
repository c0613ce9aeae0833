"""Which tables a backup holds, in which order, and how a table's content is summed up."""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from creo_schema.backup.scope import TargetFacts
from creo_schema.catalog import CatalogSnapshot, snapshot
from creo_schema.db import Connection, one_row

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


def read_tables(conn: Connection, schemas: tuple[str, ...]) -> tuple[list[Table], CatalogSnapshot]:
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


# Each managed table with every type its columns are made of: the column's type, and through
# it array elements, domain bases, range subtypes, multiranges' ranges and composite
# attributes, at any depth. Types of the system schemas are left out: nobody drops those.
TYPE_USERS_SQL = """
with recursive uses (table_name, type_oid) as (
  select n.nspname || '.' || c.relname, a.atttypid
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any(%s) and c.relkind in ('r', 'p') and not c.relispartition
     and a.attnum > 0 and not a.attisdropped
  union
  select u.table_name, made_of.oid
    from uses u
    join pg_type t on t.oid = u.type_oid
    cross join lateral (
      select nullif(t.typelem, 0) union all select nullif(t.typbasetype, 0)
      union all select r.rngsubtype from pg_range r where r.rngtypid = t.oid
      union all select r.rngtypid from pg_range r where r.rngmultitypid = t.oid
      union all select a.atttypid from pg_attribute a
                 where a.attrelid = t.typrelid and t.typtype = 'c' and a.attnum > 0
                   and not a.attisdropped
    ) made_of (oid)
   where made_of.oid is not null
)
select tn.nspname || '.' || t.typname, array_agg(distinct u.table_name)
  from uses u
  join pg_type t on t.oid = u.type_oid
  join pg_namespace tn on tn.oid = t.typnamespace
 where tn.nspname not in ('pg_catalog', 'information_schema')
 group by 1
"""


def target_facts(conn: Connection, schemas: tuple[str, ...]) -> TargetFacts:
    """What `scope.tables_at_risk` needs to know about the target."""
    tables, snap = read_tables(conn, schemas)
    type_users = {
        name: frozenset(users) for name, users in conn.execute(TYPE_USERS_SQL, (list(schemas),))
    }
    owners = {
        f"{s.schema}.{s.name}": s.owned_by.rsplit(".", 1)[0] for s in snap.sequences if s.owned_by
    }
    return TargetFacts(
        schemas=frozenset(schemas),
        tables={t.qualified: frozenset(t.parents) for t in tables},
        type_users=type_users,
        sequence_owners=owners,
    )


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


def checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """Row count and an order-independent sum of 64-bit hashes of every row's text.

    Computed by the server in one pass with constant memory; duplicates count, so a
    missing or doubled row changes it.
    """
    query = sql.SQL(
        "select count(*), coalesce(sum(hashtextextended(r::text, 0)::numeric), 0)::text "
        "from (select {} from {}) r"
    ).format(table.column_list, table.ident)
    count, total = one_row(conn.execute(query))
    return int(count), f"{int(count)}:{total}"
