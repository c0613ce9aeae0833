"""What a fix-up may look at besides the statements: both sides, as the engine and we see them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Context:
    """The two inspections a statement list was computed from (`current` -> `desired`).

    `engine` is results' inspector, `catalog` our own `CatalogSnapshot`; either may be None
    when a caller has only statements (then the catalog-based fix-ups do nothing).
    """

    current_engine: Any = None
    desired_engine: Any = None
    current: Any = None  # CatalogSnapshot
    desired: Any = None  # CatalogSnapshot

    @property
    def has_catalogs(self) -> bool:
        return self.current is not None and self.desired is not None


Fix = Callable[[list[str], Context], list[str]]


def ident(name: str) -> str:
    """Quote an identifier the way PostgreSQL's quote_ident would need it."""
    if re.fullmatch(r"[a-z_][a-z0-9_$]*", name):
        return f'"{name}"'
    return '"' + name.replace('"', '""') + '"'


def qualified(schema: str, name: str) -> str:
    return f"{ident(schema)}.{ident(name)}"


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def unquote(name: str) -> str:
    """`"public"."items"` or `public.items` -> `public.items`."""
    return name.replace('"', "")


def normal(sql: str) -> str:
    """Lower-cased, whitespace-collapsed text, for matching the engine's fixed phrasing."""
    return " ".join(sql.lower().split())


_DROP = re.compile(
    r"^drop (table|view|materialized view|index|sequence|type|domain|function|procedure|"
    r"aggregate|schema|trigger|policy) (?:concurrently )?(?:if exists )?(.+?)(?: cascade| restrict)?$"
)
_DROP_COLUMN = re.compile(r"^alter table (?:only )?(\S+) drop column (?:if exists )?(\S+)")


def dropped_names(statements: list[str]) -> set[str]:
    """Unquoted names of what the statements drop: relations, types, functions (without
    their arguments), schemas, `schema.table.column` for dropped columns, and
    `name on schema.table` for triggers and policies."""
    out: set[str] = set()
    for sql in statements:
        text = normal(sql)
        if m := _DROP.match(text):
            kind, name = m.group(1), m.group(2)
            if kind in ("function", "procedure", "aggregate"):
                name = name.split("(", 1)[0]
            out.add(unquote(name))
        elif m := _DROP_COLUMN.match(text):
            out.add(f"{unquote(m.group(1))}.{unquote(m.group(2))}")
    return out


def gone(name: str, dropped: set[str]) -> bool:
    """Whether `name` (or the schema or relation it lives in) is dropped."""
    name = unquote(name)
    if " on " in name:  # "policy on schema.table"
        head, _, table = name.partition(" on ")
        return name in dropped or gone(table, dropped) or f"{head} on {table}" in dropped
    base = name.split("(", 1)[0]
    parts = base.split(".")
    return any(".".join(parts[: i + 1]) in dropped for i in range(len(parts)))
