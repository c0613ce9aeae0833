"""Casts (CREATE CAST): database-level, known by their source and target types. Which are
managed is catalog/scope.py's rule (those whose types or function are in a managed schema).

Nothing of a cast can be altered: a different function, context or method replaces it
(drop and create; a cast holds no data). Its function and types order it through pg_depend:
created after them, dropped before them.
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Cast
from creo_schema.diff.change import Change
from creo_schema.diff.kinds.base import Context, Kind
from creo_schema.diff.objects import Node, Side

_CONTEXT = {"e": "", "a": " as assignment", "i": " as implicit"}
_METHOD = {"i": "with inout", "b": "without function"}


def cast_id(item: Cast) -> str:
    return f"cast:{item.key}"


class CastKind(Kind):
    name = ObjectKind.CAST
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.casts:
            side.add(Node(cast_id(item), self.name, item), ("pg_cast", item.oid, 0))

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Cast = node.item
        how = _METHOD.get(item.method) or f"with function {item.function}"
        sql = f"create cast {item.key} {how}{_CONTEXT[item.context]}"
        return [self.make(node, "create", sql)]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop cast {node.item.key}")]

    def comment_target(self, node: Node) -> str:
        return f"cast {node.item.key}"
