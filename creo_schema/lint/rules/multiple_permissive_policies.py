"""Several permissive policies apply to one role and command (Supabase advisor 0006).

**Anti-pattern**: every permissive policy for the role and command runs for each row and
their results are OR-ed; a ``for all`` policy overlaps each per-command one.

.. code-block:: sql

    create policy "own rows" on public.orders for select to authenticated using (...);
    create policy "admins" on public.orders for select to authenticated using (...);

**Best practice**: one permissive policy per role and command, combining the conditions.

.. code-block:: sql

    create policy "orders: read" on public.orders for select to authenticated
      using ((select auth.uid()) = user_id or (select private.is_admin()));
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import APP_NAMESPACE, LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

# One row per (table, role, command) with its permissive policies; a policy `to public`
# counts for every role that RLS applies to (not pg_*, not *admin superusers, not BYPASSRLS),
# a `for all` policy for every command, as splinter counts them.
QUERY = f"""
with roles as (
  select oid, rolname from pg_catalog.pg_roles
  where rolname !~ '^pg_' and rolname !~ '^supabase.*admin$'
    and not rolsuper and not rolbypassrls
), policies as (
  select n.nspname || '.' || c.relname as tablename, p.polname, p.polroles,
         unnest(case p.polcmd when '*' then array['r', 'a', 'w', 'd']
                              else array[p.polcmd::text] end) as cmd
  from pg_catalog.pg_policy p
  join pg_catalog.pg_class c on c.oid = p.polrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where p.polpermissive and {APP_NAMESPACE}
)
select p.tablename, r.rolname, p.cmd, array_agg(p.polname order by p.polname) as policies
from policies p
join roles r on r.oid = any(p.polroles) or p.polroles = '{{0}}'
group by p.tablename, r.rolname, p.cmd
having count(*) > 1
order by 1, 2, 3
"""
COMMANDS = {"r": "select", "a": "insert", "w": "update", "d": "delete"}


class MultiplePermissivePolicies(Rule):
    name = "multiple_permissive_policies"
    level = "warning"
    advisor = "0006"
    category = "performance"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        # Group the (role, command) pairs that share the same set of overlapping policies.
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = {}
        for row in ctx.rows(QUERY):
            key = (row["tablename"], tuple(row["policies"]))
            groups.setdefault(key, []).append((row["rolname"], COMMANDS[row["cmd"]]))
        for (table, policies), pairs in groups.items():
            declared = [ctx.locator.policy(table, p) for p in policies]
            known = [d for d in declared if d is not None]
            last = max(known, key=ctx.locator.order) if known else None
            roles = sorted({role for role, _ in pairs})
            commands = [c for c in COMMANDS.values() if any(c == cmd for _, cmd in pairs)]
            names = ", ".join(f'"{p}"' for p in policies)
            yield self.finding(
                f"table {table} has {len(policies)} permissive policies ({names}) for "
                f"{', '.join(roles)} on {', '.join(commands)}: each runs for every row",
                last.statement.location if last else ctx.locator.location(table),
                "merge them into one policy per role and command (or make the extra ones "
                "`as restrictive`); a `for all` policy overlaps every per-command one",
            )


RULE = MultiplePermissivePolicies()
