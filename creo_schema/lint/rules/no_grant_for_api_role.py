"""An exposed table has policies for an API role that holds no privilege on it (not a Supabase advisor).

**Anti-pattern**: policies choose rows; privileges choose whether a role may touch the table
at all. Since 2026 Supabase grants the API roles nothing by default, so a table with
policies ``to authenticated`` and no ``grant ... to authenticated`` answers every request
with "permission denied": the policies protect nothing, and the app fails at run time.

.. code-block:: sql

    create policy "notes: owner reads" on public.notes
      for select to authenticated using ((select auth.uid()) = owner_id);
    grant select on public.notes to anon;  -- and nothing to authenticated

**Best practice**: grant each role its policies are for the commands (or columns) they
cover. A policy ``to public`` (the default) covers ``anon`` and ``authenticated``: it is
flagged only when neither holds a privilege, since granting one of them alone is how a
schema keeps the other out. Privileges count however they are held: on the table or on a
column, directly, through ``PUBLIC`` or through role membership.

.. code-block:: sql

    grant select on public.notes to authenticated;
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from creo_schema.errors import Location
from creo_schema.lint.context import APP_NAMESPACE, LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

API_ROLES = ("anon", "authenticated")

# One row per (exposed table, API role its policies cover) where that role holds no
# privilege at all on the table. `named`: some policy names the role (not only `to public`).
QUERY = f"""
with api_roles as (
  select oid, rolname from pg_catalog.pg_roles where rolname = any(%(api_roles)s)
)
select n.nspname || '.' || c.relname as tablename, r.rolname,
       bool_or(r.oid = any(p.polroles)) as named,
       array_agg(p.polname order by p.polname) as policies,
       array_agg(distinct p.polcmd::text) as commands
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_policy p on p.polrelid = c.oid
join api_roles r on r.oid = any(p.polroles) or 0::oid = any(p.polroles)
where c.relkind in ('r', 'p') and n.nspname = any(%(exposed)s) and {APP_NAMESPACE}
  and not pg_catalog.has_table_privilege(
    r.oid, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
  and not pg_catalog.has_any_column_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
group by 1, 2
order by 1, 2
"""
COMMANDS = {"r": "select", "a": "insert", "w": "update", "d": "delete"}


class NoGrantForApiRole(Rule):
    name = "no_grant_for_api_role"
    level = "warning"
    advisor = ""  # creo-schema's own: Supabase's advisors do not check privileges

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        present = sorted(r["rolname"] for r in ctx.rows(_ROLES, api_roles=list(API_ROLES)))
        by_table: dict[str, list[dict[str, Any]]] = {}
        for row in ctx.rows(QUERY, api_roles=list(API_ROLES)):
            by_table.setdefault(row["tablename"], []).append(row)
        for table, rows in by_table.items():
            named = [row for row in rows if row["named"]]
            for row in named:
                yield self._finding(ctx, table, [row["rolname"]], row)
            # Policies `to public` only: a concern when no API role may use the table, not
            # when the schema granted one of them (that is how it keeps the other out).
            if not named and len(rows) == len(present):
                yield self._finding(ctx, table, present, rows[0])

    def _finding(
        self, ctx: LintContext, table: str, roles: list[str], row: dict[str, Any]
    ) -> Finding:
        who = " and ".join(roles)
        return self.finding(
            f"table {table} has policies for {who} ({_names(row['policies'])}) but {who} "
            f"{'holds' if len(roles) == 1 else 'hold'} no privilege on it: with no automatic "
            'grants every request gets "permission denied"',
            _where(ctx, table, row["policies"]),
            f"grant {_commands(row['commands'])} on {table} to {', '.join(roles)}; "
            "(or only the columns the policies are for)",
        )


_ROLES = "select rolname from pg_catalog.pg_roles where rolname = any(%(api_roles)s)"


def _names(policies: list[str]) -> str:
    return ", ".join(f'"{p}"' for p in dict.fromkeys(policies))


def _commands(commands: list[str]) -> str:
    if "*" in commands:
        return ", ".join(COMMANDS.values())
    return ", ".join(c for key, c in COMMANDS.items() if key in commands)


def _where(ctx: LintContext, table: str, policies: list[str]) -> Location | None:
    """The first of the policies in file order: where the role's access was meant."""
    declared = [d for d in (ctx.locator.policy(table, p) for p in policies) if d is not None]
    if declared:
        return min(declared, key=ctx.locator.order).statement.location
    return ctx.locator.location(table)


RULE = NoGrantForApiRole()
