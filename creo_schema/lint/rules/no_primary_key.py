"""A table has no primary key (Supabase advisor 0004).

**Anti-pattern**: rows cannot be addressed one by one: no logical replication of updates and
deletes, no reliable upsert, no reference data keyed by primary key.

.. code-block:: sql

    create table public.events (at timestamptz, kind text);

**Best practice**: give every table a primary key.

.. code-block:: sql

    create table public.events (id bigint generated always as identity primary key,
                                at timestamptz, kind text);
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import APP_NAMESPACE, LintContext, not_extension_member
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

QUERY = f"""
select n.nspname || '.' || c.relname as name
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and not c.relispartition
  and not exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid and i.indisprimary)
  and {APP_NAMESPACE}
  and {not_extension_member("c.oid", "pg_class")}
order by 1
"""


class NoPrimaryKey(Rule):
    name = "no_primary_key"
    level = "info"
    advisor = "0004"
    category = "performance"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            table = row["name"]
            yield self.finding(
                f"table {table} has no primary key",
                ctx.locator.location(table),
                "add one, e.g. id bigint generated always as identity primary key",
            )


RULE = NoPrimaryKey()
