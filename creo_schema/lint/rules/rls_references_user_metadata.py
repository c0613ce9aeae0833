"""A policy trusts user_metadata, which users can edit themselves (Supabase advisor 0015).

**Anti-pattern**: ``raw_user_meta_data`` / the JWT's ``user_metadata`` is set by the user
(``supabase.auth.updateUser({ data })``): a policy reading it lets users grant themselves rights.

.. code-block:: sql

    create policy "admins read all" on public.orders for select to authenticated
      using ((select auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');

**Best practice**: authorize from ``app_metadata`` (only the service role writes it) or from
your own table through a SECURITY DEFINER helper.

.. code-block:: sql

    create policy "admins read all" on public.orders for select to authenticated
      using ((select private.is_admin()));
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast

from creo_schema.lint.context import LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule
from creo_schema.source.asts import dotted, walk

USER_EDITABLE = ("user_metadata", "raw_user_meta_data")


class RlsReferencesUserMetadata(Rule):
    name = "rls_references_user_metadata"
    level = "error"
    advisor = "0015"
    needs_database = False

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for item in ctx.locator.policies():
            policy = item.node
            assert isinstance(policy, ast.CreatePolicyStmt)  # what policies() yields
            for expression in (policy.qual, policy.with_check):
                for node, ancestors in walk(expression):
                    if isinstance(node, ast.A_Const):
                        text = str(getattr(node.val, "sval", "") or "")
                    elif isinstance(node, ast.ColumnRef):
                        text = ".".join(str(n) for n in dotted(node.fields))
                    else:
                        continue
                    if not any(word in text for word in USER_EDITABLE):
                        continue
                    yield self.finding(
                        f'policy "{policy.policy_name}" reads user_metadata, which every user '
                        "can change for themselves",
                        item.locate(node, ancestors),
                        "authorize from auth.jwt() -> 'app_metadata' or from your own table "
                        "(e.g. (select private.is_admin()))",
                    )


RULE = RlsReferencesUserMetadata()
