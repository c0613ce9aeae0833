"""A table has policies but row level security is off (Supabase advisor 0007).

**Anti-pattern**: policies only apply when RLS is enabled; without it they protect nothing.

.. code-block:: sql

    create table public.notes (id bigint primary key, owner_id uuid);
    create policy "notes: owner reads" on public.notes for select using (owner_id = (select auth.uid()));

**Best practice**: enable RLS on the table the policies are written for.

.. code-block:: sql

    alter table public.notes enable row level security;
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import APP_NAMESPACE, LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

QUERY = f"""
select n.nspname || '.' || c.relname as name,
       array(select p.polname from pg_catalog.pg_policy p
             where p.polrelid = c.oid order by p.polname) as policies
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and not c.relrowsecurity
  and exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid)
  and {APP_NAMESPACE}
order by 1
"""


class PolicyExistsRlsDisabled(Rule):
    name = "policy_exists_rls_disabled"
    level = "error"
    advisor = "0007"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            table = row["name"]
            names = ", ".join(f'"{p}"' for p in row["policies"])
            yield self.finding(
                f"table {table} has policies ({names}) but row level security is off: "
                "they protect nothing",
                ctx.locator.location(table),
                f"alter table {table} enable row level security;",
            )


RULE = PolicyExistsRlsDisabled()
