"""Can a policy change widen access? (`weakens_security`, issue: false alarms teach people to
always pass --allow-hazard.)

A permissive policy grants rows: adding one, giving it more roles, or loosening its USING or
WITH CHECK widens access. A restrictive policy takes rows away: dropping one, taking roles
from it (it then restricts fewer), or loosening its expressions widens access. An expression
is tightened, never loosened, when the new one is the old one with more conditions ANDed on;
anything else may loosen it. The access review (issue 16) makes this exact later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pglast
from pglast import ast, enums
from pglast.stream import RawStream

Shape = Mapping[str, Any]  # a policy as PolicyKind shapes it: permissive, roles, using, ...


def policy_widens(before: Shape | None, after: Shape | None) -> bool:
    if before is None and after is None:
        return False
    if before is None:
        return bool(after and after["permissive"])  # a new permissive policy grants rows
    if after is None:
        return not before["permissive"]  # a dropped restrictive policy restricts no more
    if before["permissive"] != after["permissive"] or before["command"] != after["command"]:
        return True
    old_roles, new_roles = set(before["roles"]), set(after["roles"])
    if before["permissive"]:
        if new_roles - old_roles:
            return True
    elif old_roles - new_roles:
        return True
    return any(not tightened(before[clause], after[clause]) for clause in ("using", "with_check"))


def tightened(old: str | None, new: str | None) -> bool:
    """Whether `new` admits no row `old` does not: the same, or `old AND more`."""
    if old == new:
        return True
    if old is None:
        return True  # no expression admitted every row; any expression admits fewer
    if new is None:
        return False
    old_terms, new_terms = _conjuncts(old), _conjuncts(new)
    if old_terms is None or new_terms is None:
        return False
    return set(old_terms) <= set(new_terms)


def _conjuncts(expression: str) -> list[str] | None:
    """The expression's top-level AND terms, each printed canonically; None if unparsable."""
    try:
        statement = pglast.parse_sql(f"select {expression}")[0].stmt
    except pglast.parser.ParseError:
        return None
    if not isinstance(statement, ast.SelectStmt) or not statement.targetList:
        return None
    node = statement.targetList[0].val
    terms: list[Any] = []
    todo = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, ast.BoolExpr) and item.boolop == enums.BoolExprType.AND_EXPR:
            todo.extend(item.args or ())
        else:
            terms.append(item)
    return [RawStream()(term) for term in terms]
