"""A view in an exposed schema runs with its owner's rights (Supabase advisor 0010).

**Anti-pattern**: a view without ``security_invoker`` reads its tables as the view's owner,
bypassing the row level security of the API role that queries it.

.. code-block:: sql

    create view public.my_orders as select * from public.orders;

**Best practice** (PostgreSQL 15+): make the view check the caller's rights and policies.

.. code-block:: sql

    create view public.my_orders with (security_invoker = true) as select * from public.orders;
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
where c.relkind = 'v'
  and n.nspname = any(%(exposed)s)
  and not (lower(coalesce(c.reloptions::text, '{{}}'))::text[]
           && array['security_invoker=1', 'security_invoker=true',
                    'security_invoker=yes', 'security_invoker=on'])
  and {not_extension_member("c.oid", "pg_class")}
order by 1
"""


class SecurityDefinerView(Rule):
    name = "security_definer_view"
    level = "error"
    advisor = "0010"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            view = row["name"]
            yield self.finding(
                f"view {view} is in an exposed schema without security_invoker: it reads "
                "its tables with its owner's rights, bypassing the caller's row level security",
                ctx.locator.location(view),
                f"create view {view} with (security_invoker = true) as ...",
            )


RULE = SecurityDefinerView()
