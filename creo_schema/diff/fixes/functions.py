"""Function fix-ups."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from creo_schema.diff.fixes._context import Context, normal

if TYPE_CHECKING:
    from creo_schema.catalog.model import Function

_CREATE_FUNCTION = re.compile(
    r"^(?:set check_function_bodies = off; )?create (?:or replace )?(function|procedure) (\S+?)\(",
    re.I,
)


def return_type_changes_drop_first(statements: list[str], context: Context) -> list[str]:
    """A function whose result type changes is planned as `CREATE OR REPLACE`, which
    PostgreSQL refuses ("cannot change return type of existing function").

    The function is dropped first, right before it is created again. What depends on it
    (views) is dropped and recreated around it by the engine; its privileges and comment are
    restored by the privilege and comment fix-ups, which see it as recreated.
    Scenarios: tests/cases/functions/return_type_change, functions/return_type_change_under_view.
    """
    if not context.has_catalogs:
        return statements
    before = {f.key: f for f in context.current.functions if f.kind in ("function", "procedure")}
    after = {f.key: f for f in context.desired.functions if f.kind in ("function", "procedure")}
    changed: dict[tuple[str, str], list[Function]] = {}
    for key, f in after.items():
        if key in before and (
            before[key].result != f.result or before[key].returns_set != f.returns_set
        ):
            changed.setdefault((f.schema, f.name), []).append(f)
    if not changed:
        return statements
    out: list[str] = []
    for sql in statements:
        m = _CREATE_FUNCTION.match(normal(sql))
        if m:
            schema, _, name = m.group(2).replace('"', "").partition(".")
            overloads = changed.get((schema, name), [])
            if len(overloads) > 1:
                header = _args(sql)
                overloads = [
                    f for f in overloads if f"({f.identity_args})".replace(" ", "") in header
                ]
            if len(overloads) == 1:
                f = overloads[0]
                out.append(f"drop {f.kind} {qualified_signature(f)}")
        out.append(sql)
    return out


def qualified_signature(function: Function) -> str:
    f = function
    return f'"{f.schema}"."{f.name}"({f.identity_args})'


def _args(sql: str) -> str:
    """The identity part of a `CREATE FUNCTION name(args)` header, spaces removed (the
    engine prints pg_get_functiondef, whose argument list includes names and defaults)."""
    head = sql[sql.index("(") : sql.lower().find("returns") if "returns" in sql.lower() else None]
    return head.replace(" ", "").replace("\n", "")
