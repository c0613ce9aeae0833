"""Row level security is on but the table has no policy (Supabase advisor 0008).

**Anti-pattern**: with RLS on and no policy, no row is visible to any role that does not
bypass RLS: the table is unreachable through the API, usually by mistake.

.. code-block:: sql

    alter table public.notes enable row level security;  -- and no create policy

**Best practice**: add the policies the app needs; if only the service role may use the
table, say so in place with ``-- creo:allow rls_enabled_no_policy <reason>``.

.. code-block:: sql

    create policy "notes: owner reads" on public.notes
      for select to authenticated using ((select auth.uid()) = owner_id);
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
where c.relkind in ('r', 'p') and c.relrowsecurity
  and not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid)
  and {APP_NAMESPACE}
  and {not_extension_member("c.oid", "pg_class")}
order by 1
"""


class RlsEnabledNoPolicy(Rule):
    name = "rls_enabled_no_policy"
    level = "info"
    advisor = "0008"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            table = row["name"]
            yield self.finding(
                f"table {table} has row level security on but no policy: no API role can "
                "read or write any row",
                ctx.locator.location(table),
                f"add policies (create policy ... on {table} for select to authenticated "
                "using (...)), or if only service_role uses it: -- creo:allow "
                "rls_enabled_no_policy <reason>",
            )


RULE = RlsEnabledNoPolicy()
