"""A policy calls auth.uid(), auth.jwt() or current_setting() once per row (Supabase advisor 0003).

**Anti-pattern**: a bare call in a policy is evaluated for every row the query reads.

.. code-block:: sql

    create policy "orders: owner reads" on public.orders
      for select to authenticated using (auth.uid() = user_id);

**Best practice**: wrap it in a sub-select; PostgreSQL then evaluates it once per statement
(an initPlan). Only for values that do not depend on the row, which these never do.

.. code-block:: sql

    create policy "orders: owner reads" on public.orders
      for select to authenticated using ((select auth.uid()) = user_id);
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pglast import ast

from creo_schema.lint.context import LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule
from creo_schema.source.asts import dotted, walk

# Row-independent functions that policies typically call.
CALLS = {
    ("auth", "uid"),
    ("auth", "jwt"),
    ("auth", "role"),
    ("auth", "email"),
    ("", "current_setting"),
    ("pg_catalog", "current_setting"),
}


def wrapped(ancestors: tuple[Any, ...]) -> bool:
    """Inside `(select ...)` with no FROM: evaluated once, as an initPlan."""
    return any(isinstance(a, ast.SelectStmt) and not a.fromClause for a in ancestors)


class AuthRlsInitplan(Rule):
    name = "auth_rls_initplan"
    level = "warning"
    advisor = "0003"
    category = "performance"
    needs_database = False

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for item in ctx.locator.policies():
            policy = item.node
            assert isinstance(policy, ast.CreatePolicyStmt)  # what policies() yields
            for expression in (policy.qual, policy.with_check):
                for node, ancestors in walk(expression):
                    if not isinstance(node, ast.FuncCall):
                        continue
                    names = dotted(node.funcname)
                    key = (names[-2] if len(names) > 1 else "", names[-1])
                    if key not in CALLS or wrapped(ancestors):
                        continue
                    call = ".".join(names) + ("(...)" if node.args else "()")
                    yield self.finding(
                        f'policy "{policy.policy_name}" calls {call} for every row',
                        item.locate(node),
                        f"wrap it in a sub-select: (select {call})",
                    )


RULE = AuthRlsInitplan()
