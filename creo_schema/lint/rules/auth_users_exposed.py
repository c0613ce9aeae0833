"""A view in an exposed schema shows auth.users to the API roles (Supabase advisor 0002).

**Anti-pattern**: a view (running with its owner's rights) or a materialized view over
``auth.users``, selectable by anon or authenticated, publishes e-mails, phone numbers and
metadata of every user.

.. code-block:: sql

    create view public.members as select id, email from auth.users;
    grant select on public.members to authenticated;

**Best practice**: copy what the app may show into a table of its own, with RLS (e.g. a
profile row filled by a trigger), or keep such views out of exposed schemas.

.. code-block:: sql

    create view private.members as select id, email from auth.users;
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

API_ROLES = ("anon", "authenticated")
QUERY = """
select distinct n.nspname || '.' || v.relname as name,
       array(select r.rolname from unnest(%(roles)s::text[]) r(rolname)
             where pg_catalog.has_table_privilege(r.rolname, v.oid, 'select')) as readers
from pg_catalog.pg_class v
join pg_catalog.pg_namespace n on n.oid = v.relnamespace
join pg_catalog.pg_rewrite rw on rw.ev_class = v.oid
join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass
  and d.objid = rw.oid and d.refobjid = pg_catalog.to_regclass('auth.users')
where v.relkind in ('v', 'm') and n.nspname = any(%(exposed)s)
  and (v.relkind = 'm'
       or not (lower(coalesce(v.reloptions::text, '{}'))::text[]
               && array['security_invoker=1', 'security_invoker=true',
                        'security_invoker=yes', 'security_invoker=on']))
order by 1
"""


class AuthUsersExposed(Rule):
    name = "auth_users_exposed"
    level = "error"
    advisor = "0002"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        present = ctx.rows(
            "select rolname from pg_catalog.pg_roles where rolname = any(%(roles)s)",
            roles=list(API_ROLES),
        )
        roles = [r["rolname"] for r in present]
        if not roles or not ctx.rows("select pg_catalog.to_regclass('auth.users') as t")[0]["t"]:
            return
        for row in ctx.rows(QUERY, roles=roles):
            if not row["readers"]:
                continue
            view = row["name"]
            yield self.finding(
                f"{view} exposes auth.users to {', '.join(row['readers'])} through the Data API",
                ctx.locator.location(view),
                "copy what the app may show into a table of its own with RLS, or move the "
                "view out of the exposed schemas",
            )


RULE = AuthUsersExposed()
