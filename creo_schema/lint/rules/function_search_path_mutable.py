"""A function does not fix its search_path (Supabase advisor 0011), worst when SECURITY DEFINER.

**Anti-pattern**: the function resolves unqualified names through the caller's search_path,
so a caller who can create objects earlier on that path can substitute their own; in a
SECURITY DEFINER function that code then runs with the owner's rights.

.. code-block:: sql

    create function public.is_admin() returns boolean language sql security definer
    as $$ select role = 'admin' from user_profiles where id = auth.uid() $$;

**Best practice**: ``set search_path = ''`` and fully qualified names in the body.

.. code-block:: sql

    create function private.is_admin() returns boolean language sql stable
    security definer set search_path = ''
    as $$ select role = 'admin' from public.user_profiles where id = (select auth.uid()) $$;
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import APP_NAMESPACE, LintContext, not_extension_member
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

QUERY = f"""
select n.nspname || '.' || p.proname as name, p.pronargs as input_args,
       p.prosecdef as security_definer,
       pg_catalog.pg_get_function_identity_arguments(p.oid) as args
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where p.prokind in ('f', 'p')
  and not exists (select 1 from unnest(coalesce(p.proconfig, '{{}}')) c where c like 'search_path=%%')
  and {APP_NAMESPACE}
  and {not_extension_member("p.oid", "pg_proc")}
order by 1, 4
"""


class FunctionSearchPathMutable(Rule):
    name = "function_search_path_mutable"
    level = "warning"
    advisor = "0011"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            signature = f"{row['name']}({row['args']})"
            definer = row["security_definer"]
            what = "SECURITY DEFINER function" if definer else "function"
            consequence = (
                ": a caller can make it run their objects with the owner's rights"
                if definer
                else ": what its names mean depends on the caller's search_path"
            )
            yield self.finding(
                f"{what} {signature} has no fixed search_path{consequence}",
                ctx.locator.location(row["name"] + "()", row["input_args"]),
                "add set search_path = '' and qualify every name in the body "
                "(public.t, pg_catalog.now())",
                level="error" if definer else None,
            )


RULE = FunctionSearchPathMutable()
