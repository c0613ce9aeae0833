"""A table in an exposed schema has row level security off (Supabase advisor 0013).

**Anti-pattern**: the Data API serves the table, and every row the API roles are granted is
readable (and writable) by anyone holding the anon key.

.. code-block:: sql

    create table public.notes (id bigint primary key, body text);

**Best practice**: enable RLS on every table in an exposed schema, then write policies.

.. code-block:: sql

    create table public.notes (id bigint primary key, body text);
    alter table public.notes enable row level security;
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import LintContext, not_extension_member
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

QUERY = f"""
select n.nspname || '.' || c.relname as name
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and not c.relrowsecurity
  and n.nspname = any(%(exposed)s)
  and {not_extension_member("c.oid", "pg_class")}
order by 1
"""


class RlsDisabledInPublic(Rule):
    name = "rls_disabled_in_public"
    level = "error"
    advisor = "0013"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            table = row["name"]
            yield self.finding(
                f"table {table} is in an exposed schema but row level security is off: "
                "the Data API serves every row its roles are granted",
                ctx.locator.location(table),
                f"alter table {table} enable row level security; then add policies "
                "for the roles that need it",
            )


RULE = RlsDisabledInPublic()
