"""Two indexes on a table are identical (Supabase advisor 0009).

**Anti-pattern**: every write maintains both, and the planner only ever needs one. A unique
constraint already has its index.

.. code-block:: sql

    create table public.api_keys (id bigint primary key, key_hash text unique);
    create index api_keys_key_hash_idx on public.api_keys (key_hash);

**Best practice**: keep one index per column list, operator class, collation and predicate.

.. code-block:: sql

    create table public.api_keys (id bigint primary key, key_hash text unique);
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import APP_NAMESPACE, LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

QUERY = f"""
select n.nspname as schema, n.nspname || '.' || c.relname as tablename,
       array_agg(ic.relname order by ic.relname) as indexes
from pg_catalog.pg_index i
join pg_catalog.pg_class ic on ic.oid = i.indexrelid
join pg_catalog.pg_class c on c.oid = i.indrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where {APP_NAMESPACE}
group by n.nspname, c.relname, i.indrelid, i.indkey::text, i.indclass::text,
         i.indcollation::text, pg_catalog.pg_get_expr(i.indexprs, i.indrelid),
         pg_catalog.pg_get_expr(i.indpred, i.indrelid)
having count(*) > 1
order by 2
"""


class DuplicateIndex(Rule):
    name = "duplicate_index"
    level = "warning"
    advisor = "0009"
    category = "performance"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            table, indexes = row["tablename"], list(row["indexes"])
            declared = [
                item
                for name in indexes
                if (item := ctx.locator.declaring(f"{row['schema']}.{name}")) is not None
            ]
            # Point at the index written last: it is the one to delete (a constraint's own
            # index, e.g. of a unique column, has no statement of its own).
            last = max(declared, key=ctx.locator.order) if declared else None
            names = ", ".join(indexes)
            yield self.finding(
                f"indexes {names} on {table} are identical: one is enough",
                last.statement.location if last else ctx.locator.location(table),
                "delete the redundant declaration (a unique or primary key constraint "
                "already has its own index)",
            )


RULE = DuplicateIndex()
