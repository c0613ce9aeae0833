"""Drift for CI: each drifted object with the file and line that declare it.

`drift --format markdown` is a summary fit for a pull-request comment; `--format github`
writes GitHub Actions workflow annotations (`::error file=...,line=...::message`), so the
drift shows on the declaring line of the diff. Objects the database has and schema/ does not
declare (the plan drops them) have no declaring line: their annotation names no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pglast
from pglast import ast

from creo_schema.errors import Location
from creo_schema.lint.context import Locator, relation_key
from creo_schema.plan.model import Plan
from creo_schema.source.asts import dotted, parsed_statements
from creo_schema.source.model import SourceSet
from creo_schema.source.names import names_of, qualified_key

MAX_SQL_IN_TABLE = 100


@dataclass(frozen=True, slots=True)
class DriftItem:
    """One statement of the plan, the object it changes and where that object is declared."""

    sql: str
    object: str  # e.g. "public.orders", "policy \"x\" on public.orders", or "" if unknown
    action: str  # create, alter, drop, grant, revoke, comment, change
    location: Location | None

    def to_dict(self) -> dict[str, Any]:
        where = self.location
        return {
            "object": self.object,
            "action": self.action,
            "sql": self.sql,
            "location": {"file": where.file, "line": where.line, "column": where.column}
            if where
            else None,
        }


def drift_items(plan: Plan, source: SourceSet) -> list[DriftItem]:
    locator = Locator(parsed_statements(source))
    return [_item(s.sql, locator) for s in plan.statements]


def _item(sql: str, locator: Locator) -> DriftItem:
    try:
        node = pglast.parse_sql(sql)[0].stmt
    except Exception:
        return DriftItem(sql, "", "change", None)
    action = _action(node)
    match node:
        case ast.CreatePolicyStmt() | ast.AlterPolicyStmt():
            table = relation_key(node.table)
            assert node.policy_name is not None  # the parser names every policy
            found = locator.policy(table, node.policy_name)
            where = found.statement.location if found else locator.location(table)
            return DriftItem(sql, f'policy "{node.policy_name}" on {table}', action, where)
        case ast.CreateTrigStmt():
            table = relation_key(node.relation)
            return DriftItem(
                sql, f"trigger {node.trigname} on {table}", action, locator.location(table)
            )
        case ast.AlterTableStmt():
            table = relation_key(node.relation)
            return DriftItem(sql, table, action, locator.location(table))
        case ast.GrantStmt():
            keys = [_object_key(o, node.objtype) for o in node.objects or ()]
            return _first_declared(sql, [k for k in keys if k], action, locator)
        case ast.DropStmt():
            keys = [_object_key(o, node.removeType) for o in node.objects or ()]
            return _first_declared(sql, [k for k in keys if k], action, locator)
        case ast.CommentStmt():
            key = _object_key(node.object, node.objtype)
            return _first_declared(sql, [key] if key else [], action, locator)
        case ast.AlterFunctionStmt():
            assert node.func is not None  # the parser names the function altered
            return _first_declared(sql, [qualified_key(node.func.objname, "()")], action, locator)
    created, _ = names_of(node)
    return _first_declared(sql, list(created), action, locator)


def _first_declared(sql: str, keys: list[str], action: str, locator: Locator) -> DriftItem:
    for key in keys:
        where = locator.location(key)
        if where:
            return DriftItem(sql, _shown(key), action, where)
    return DriftItem(sql, _shown(keys[0]) if keys else "", action, None)


def _object_key(obj: Any, objtype: Any) -> str | None:
    kind = getattr(objtype, "name", str(objtype))
    if isinstance(obj, ast.RangeVar):
        return relation_key(obj)
    if isinstance(obj, ast.ObjectWithArgs):
        return qualified_key(obj.objname, "()")
    if isinstance(obj, ast.String):
        return f"schema:{obj.sval}" if kind == "OBJECT_SCHEMA" else f"extension:{obj.sval}"
    if isinstance(obj, list | tuple):
        names = dotted(obj)
        if kind in ("OBJECT_POLICY", "OBJECT_TRIGGER", "OBJECT_COLUMN") and len(names) >= 2:
            return qualified_key(names[:-1])
        return qualified_key(names) if names else None
    if isinstance(obj, ast.TypeName):
        return qualified_key(obj.names)
    return None


def _shown(key: str) -> str:
    return key.replace("schema:", "schema ").replace("extension:", "extension ")


def _action(node: Any) -> str:
    name = type(node).__name__
    if isinstance(node, ast.GrantStmt):
        return "grant" if node.is_grant else "revoke"
    for prefix, action in (
        ("Create", "create"),
        ("Define", "create"),
        ("View", "create"),
        ("Index", "create"),
        ("Alter", "alter"),
        ("Drop", "drop"),
        ("Comment", "comment"),
    ):
        if name.startswith(prefix):
            return action
    return "change"


def _one_line(sql: str, limit: int | None = None) -> str:
    text = " ".join(sql.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


# -- markdown: a pull-request comment ----------------------------------------------------------


def render_markdown(plan: Plan, source: SourceSet) -> str:
    if not plan.has_changes:
        return (
            "### creo-schema drift: in sync\n\n"
            f"`{plan.target}` (PostgreSQL {plan.server_major}) matches `schema/`.\n"
        )
    items = drift_items(plan, source)
    count = len(items)
    lines = [
        "### creo-schema drift: the database differs from schema/",
        "",
        f"`{plan.target}` (PostgreSQL {plan.server_major}, schemas: "
        f"{', '.join(plan.managed_schemas)}) needs {count} statement{'s' if count != 1 else ''} "
        "to match `schema/`.",
        "",
        "| Object | Declared at | Change |",
        "|---|---|---|",
    ]
    for item in items:
        where = (
            f"`{item.location.file}:{item.location.line}`"
            if item.location
            else "not declared (would be dropped)"
            if item.action == "drop"
            else "—"
        )
        change = _one_line(item.sql, MAX_SQL_IN_TABLE).replace("|", "\\|").replace("`", "'")
        lines.append(f"| {_md(item.object or '?')} | {where} | `{change}` |")
    lines += [
        "",
        "<details><summary>SQL that would bring the database in line with schema/</summary>",
        "",
        "```sql",
        plan.up_sql.rstrip(),
        "```",
        "",
        "</details>",
        "",
    ]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


# -- github: workflow annotations --------------------------------------------------------------


def render_github(plan: Plan, source: SourceSet) -> str:
    """One `::error` line per drifted statement, at the declaring file and line if any."""
    if not plan.has_changes:
        return f"::notice title=creo-schema drift::{_data(f'{plan.target} matches schema/')}\n"
    out = []
    for item in drift_items(plan, source):
        title = f"drift: {item.object}" if item.object else "drift"
        properties = [f"title={_property(title)}"]
        if item.location:
            properties = [
                f"file={_property(item.location.file)}",
                f"line={item.location.line}",
                f"col={item.location.column}",
                *properties,
            ]
        if item.location:
            what = f"the database differs from this declaration; {item.action} needed: "
        elif item.action == "drop":
            what = f"{plan.target} has an object schema/ does not declare: "
        else:
            what = f"{plan.target} differs from schema/: "
        out.append(f"::error {','.join(properties)}::{_data(what + _one_line(item.sql))}")
    return "\n".join(out) + "\n"


def _data(text: str) -> str:
    """Escape an annotation's message as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
