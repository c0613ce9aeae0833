"""Two definitions of one object, the database's and schema/'s: what differs between them.

A function is compared trait by trait (search_path, volatility, security definer, ...) and
its body as a short unified diff; a policy by clause; an enum by its labels; anything else
as a diff of its definition when the texts differ.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pglast import ast, enums

from creo_schema.drift.model import Difference, both, role
from creo_schema.drift.subjects import sql_text

MAX_DIFF_LINES = 20
DIFF_CONTEXT = 2

# A trait a function or policy has when its definition does not say otherwise.
DEFAULT_TRAITS = {
    "volatility": "volatile",
    "security definer": "no",
    "strict": "no",
    "leakproof": "no",
    "parallel": "unsafe",
    "with check": "none",
    "using": "none",
}


def compare(
    old: Any, new: Any, old_sql: str, new_sql: str
) -> tuple[list[Difference], tuple[str, ...]]:
    """(named differences, diff) from the database's definition to schema/'s."""
    if isinstance(new, ast.CreateFunctionStmt) and isinstance(old, ast.CreateFunctionStmt):
        traits = compared(function_traits(old), function_traits(new))
        # The body's first and last lines are mostly the blank ones around $$: no context.
        return traits, text_diff(_body(old).strip("\n"), _body(new).strip("\n"))
    if isinstance(new, ast.CreatePolicyStmt) and isinstance(old, ast.CreatePolicyStmt):
        return compared(policy_traits(old), policy_traits(new)), ()
    if isinstance(new, ast.CreateEnumStmt) and isinstance(old, ast.CreateEnumStmt):
        return compared({"labels": labels(old)}, {"labels": labels(new)}), ()
    if " ".join(old_sql.split()) == " ".join(new_sql.split()):
        return [], ()
    return [], text_diff(old_sql, new_sql)


def function_traits(node: Any) -> dict[str, str]:
    """What a CREATE FUNCTION (or the actions of an ALTER FUNCTION) says, by trait."""
    traits: dict[str, str] = {}
    if isinstance(node, ast.CreateFunctionStmt):
        parameters = node.parameters or ()
        traits["arguments"] = ", ".join(sql_text(p) for p in parameters) or "none"
        if node.returnType is not None:
            traits["returns"] = sql_text(node.returnType)
        options = node.options or ()
    else:
        options = node.actions or ()
    for option in options:
        name, value = option.defname, option.arg
        if name == "as":
            continue
        if name == "set":
            traits[value.name or "all settings"] = _setting(value)
        elif name in ("security", "strict", "leakproof", "window"):
            label = "security definer" if name == "security" else name
            traits[label] = "yes" if getattr(value, "boolval", True) else "no"
        else:
            traits[name] = str(getattr(value, "sval", None) or sql_text(value))
    return traits


def _setting(statement: Any) -> str:
    kind = enums.VariableSetKind(statement.kind)
    if kind == enums.VariableSetKind.VAR_SET_VALUE:
        return ", ".join(sql_text(a) for a in statement.args or ())
    if kind == enums.VariableSetKind.VAR_SET_CURRENT:
        return "from current"
    return "not set"


def _body(node: ast.CreateFunctionStmt) -> str:
    for option in node.options or ():
        if option.defname == "as":
            return "\n".join(getattr(part, "sval", "") for part in option.arg or ())
    return sql_text(node.sql_body) if node.sql_body is not None else ""


def policy_traits(node: Any) -> dict[str, str]:
    """What a CREATE POLICY (or the clauses an ALTER POLICY sets) says, by clause."""
    traits: dict[str, str] = {}
    if isinstance(node, ast.CreatePolicyStmt):
        traits["as"] = "permissive" if node.permissive else "restrictive"
        traits["for"] = node.cmd_name or "all"
        traits["using"] = sql_text(node.qual) if node.qual is not None else "none"
        traits["with check"] = sql_text(node.with_check) if node.with_check is not None else "none"
    else:
        if node.qual is not None:
            traits["using"] = sql_text(node.qual)
        if node.with_check is not None:
            traits["with check"] = sql_text(node.with_check)
    if node.roles:
        traits["to"] = ", ".join(role(r) for r in node.roles)
    return traits


def labels(node: ast.CreateEnumStmt) -> str:
    return ", ".join(f"'{getattr(v, 'sval', v)}'" for v in node.vals or ())


def merged(traits: Iterable[dict[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for found in traits:
        out.update(found)
    return out


def compared(old: dict[str, str], new: dict[str, str]) -> list[Difference]:
    """One difference per trait whose value differs (a missing trait has its default)."""
    out = []
    for trait, value in new.items():
        before = old.get(trait, DEFAULT_TRAITS.get(trait, "not set"))
        if before != value:
            out.append(Difference(trait, both(value, before)))
    for trait, before in old.items():
        default = DEFAULT_TRAITS.get(trait, "not set")
        if trait not in new and before != default:
            out.append(Difference(trait, both(default, before)))
    return out


def text_diff(old: str, new: str) -> tuple[str, ...]:
    """A unified diff from the database's text to schema/'s, a few lines of context, capped."""
    lines = list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=DIFF_CONTEXT)
    )[2:]  # the ---/+++ header names no file here
    if len(lines) > MAX_DIFF_LINES:
        more = len(lines) - MAX_DIFF_LINES
        lines = [*lines[:MAX_DIFF_LINES], f"… {more} more line{'s' if more != 1 else ''}"]
    return tuple(lines)
