"""The columns of views."""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Column
from creo_schema.diff.change import Change
from creo_schema.diff.kinds.base import (
    Altered,
    Context,
    Kind,
)
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, qualified


class ViewColumnKind(Kind):
    """A view's columns come and go with their view; only comments are theirs."""

    name = ObjectKind.VIEW_COLUMN
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        """Added with their views (TableKind adds every relation's columns)."""

    def included_in_parent(self, node: Node) -> bool:
        return True

    def create(self, node: Node, ctx: Context) -> list[Change]:
        return []

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return []

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return []  # the view's own change carries it

    def comment_target(self, node: Node) -> str:
        column: Column = node.item
        return f"column {qualified(column.schema, column.table)}.{ident(column.name)}"

    def owner_of(self, node: Node) -> None:
        return None
