"""A foreign key has no index on its columns (Supabase advisor 0001).

**Anti-pattern**: deleting or updating a referenced row scans the whole referencing table,
and joins and policies filtering on the column cannot use an index.

.. code-block:: sql

    create table public.orders (id bigint primary key,
                                user_id uuid references public.user_profiles (id));

**Best practice**: an index whose leading columns are the foreign key's columns (a composite
primary key ``(team_id, user_id)`` does not index ``user_id``).

.. code-block:: sql

    create index orders_user_id_idx on public.orders (user_id);
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ConstrType

from creo_schema.errors import Location
from creo_schema.lint.context import APP_NAMESPACE, LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule
from creo_schema.source.asts import dotted, walk

QUERY = f"""
select n.nspname || '.' || c.relname as tablename, con.conname,
       array(select a.attname from unnest(con.conkey) with ordinality k(attnum, ord)
             join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
             order by k.ord) as columns
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where con.contype = 'f' and {APP_NAMESPACE}
  and not exists (
    select 1 from pg_catalog.pg_index i
    where i.indrelid = con.conrelid
      and (select array_agg(k order by k)
           from unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(con.conkey)]) k)
          = (select array_agg(k order by k) from unnest(con.conkey) k))
order by 1, 2
"""


class UnindexedForeignKeys(Rule):
    name = "unindexed_foreign_keys"
    level = "info"
    advisor = "0001"
    category = "performance"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            table, columns = row["tablename"], list(row["columns"])
            listed = ", ".join(columns)
            yield self.finding(
                f"foreign key {row['conname']} on {table} ({listed}) has no index: deletes "
                "of referenced rows scan the table",
                self._where(ctx, table, row["conname"], columns),
                f"create index on {table} ({listed});",
            )

    def _where(
        self, ctx: LintContext, table: str, name: str, columns: list[str]
    ) -> Location | None:
        """The constraint itself when written out, else the statement declaring the table."""
        for item in ctx.locator.about_relation(table):
            for node, ancestors in walk(item.node):
                if not (
                    isinstance(node, ast.Constraint) and node.contype == ConstrType.CONSTR_FOREIGN
                ):
                    continue
                if node.conname == name or dotted(node.fk_attrs) == columns:
                    return item.locate(node)
                owner = ancestors[-1] if ancestors else None
                if isinstance(owner, ast.ColumnDef) and [owner.colname] == columns:
                    return item.locate(node)
        return ctx.locator.location(table)


RULE = UnindexedForeignKeys()
