"""The ids of tables, their columns and defaults, and of any relation (a table's or a
view's), as the differ's nodes are named (diff/objects.py)."""

from __future__ import annotations

from creo_schema.catalog.model import Relation
from creo_schema.diff.quote import ident, qualified


def table_id(schema: str, name: str) -> str:
    return f"table:{qualified(schema, name)}"


def column_id(schema: str, table: str, name: str) -> str:
    return f"column:{qualified(schema, table)}.{ident(name)}"


def default_id(schema: str, table: str, name: str) -> str:
    return f"default:{qualified(schema, table)}.{ident(name)}"


def relation_id(relation: Relation) -> str:
    prefix = "view" if relation.kind in ("view", "materialized view") else "table"
    return f"{prefix}:{qualified(relation.schema, relation.name)}"
