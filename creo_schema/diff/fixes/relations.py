"""Fix-ups that need only the statements."""

from __future__ import annotations

import re

from creo_schema.diff.fixes._context import Context

_DROP_RELATION = re.compile(
    r'^drop\s+(?:table|view|materialized\s+view|sequence)\s+(?:if\s+exists\s+)?("?[\w$]+"?\."?[\w$]+"?)',
    re.I,
)
_REVOKE_ON_RELATION = re.compile(
    r'^revoke\s+.+?\s+on\s+(?:table|sequence)\s+("?[\w$]+"?\."?[\w$]+"?)\s+from\s', re.I | re.S
)


def _name(quoted: str) -> str:
    return quoted.replace('"', "")


def drop_revokes_on_dropped_relations(statements: list[str], context: Context) -> list[str]:
    """The engine revokes privileges after dropping the table they were on, which fails.

    A dropped relation takes its privileges with it, so the revoke is simply left out.
    (With catalogs, the privilege fix-up already plans privileges; this stays for callers
    that have only statements.)
    Scenario: tests/integration/test_plan_apply.py::test_rollback_of_new_table_applies.
    """
    dropped = {_name(m.group(1)) for s in statements if (m := _DROP_RELATION.match(s.strip()))}
    return [
        s
        for s in statements
        if not ((m := _REVOKE_ON_RELATION.match(s.strip())) and _name(m.group(1)) in dropped)
    ]


_REPLACE_VIEW = re.compile(r"^create or replace view (\S+) ", re.I)


def views_not_replaced_for_nothing(statements: list[str], context: Context) -> list[str]:
    """The engine replaces a view whose comment (or other attribute it tracks apart from the
    definition) changed: `CREATE OR REPLACE VIEW` with the same query, which takes a lock
    and, without `security_invoker`, is reported as weakening security for nothing.

    Left out when the view's definition and options are the same on both sides and the plan
    does not drop it. Scenario: tests/cases/comments/view.
    """
    if not context.has_catalogs:
        return statements
    before = {f"{v.schema}.{v.name}": v for v in context.current.views if not v.materialized}
    after = {f"{v.schema}.{v.name}": v for v in context.desired.views if not v.materialized}
    same = {k for k in before.keys() & after.keys() if before[k] == after[k]}
    dropped = {
        _name(m.group(1))
        for s in statements
        if (m := re.match(r"^drop view (?:if exists )?(\S+)", " ".join(s.lower().split())))
    }
    return [
        s
        for s in statements
        if not (
            (m := _REPLACE_VIEW.match(" ".join(s.split()))) and _name(m.group(1)) in same - dropped
        )
    ]
