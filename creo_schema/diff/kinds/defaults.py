"""Column defaults, of tables and of views."""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Column
from creo_schema.diff.change import Change
from creo_schema.diff.effects import (
    EXCLUSIVE,
)
from creo_schema.diff.kinds.base import (
    Altered,
    Context,
    Kind,
)
from creo_schema.diff.kinds.columns import _follows_parent
from creo_schema.diff.kinds.table_ids import table_id
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, qualified


class DefaultKind(Kind):
    name = ObjectKind.DEFAULT
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        """Added with their tables (TableKind)."""

    def included_in_parent(self, node: Node) -> bool:
        return True  # ADD COLUMN ... DEFAULT fills the rows that are there

    @staticmethod
    def _prefix(node: Node) -> str:
        column: Column = node.item
        return (
            f"alter table {qualified(column.schema, column.table)} "
            f"alter column {ident(column.name)}"
        )

    def _table(self, node: Node) -> str:
        column: Column = node.item
        return table_id(column.schema, column.table)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        sql = f"{self._prefix(node)} set default {node.item.default}"
        return [
            self.make(
                node, "create", sql, "set_default", table=self._table(node), effects=EXCLUSIVE
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        sql = f"{self._prefix(node)} drop default"
        return [
            self.make(node, "drop", sql, "drop_default", table=self._table(node), effects=EXCLUSIVE)
        ]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        if old.item.default == new.item.default:
            return []
        if new.item.inherited and _follows_parent(old, new, ctx, "default"):
            return []
        sql = f"{self._prefix(new)} set default {new.item.default}"
        return [
            self.make(new, "alter", sql, "set_default", table=self._table(new), effects=EXCLUSIVE)
        ]

    def owner_of(self, node: Node) -> None:
        return None


class ViewDefaultKind(DefaultKind):
    """ALTER VIEW ... ALTER COLUMN ... SET DEFAULT: what an INSERT through the view gets for
    a column it leaves out. Set after the view is made, and again when it is made anew."""

    name = ObjectKind.VIEW_DEFAULT

    def included_in_parent(self, node: Node) -> bool:
        return False

    @staticmethod
    def _prefix(node: Node) -> str:
        column: Column = node.item
        return (
            f"alter view {qualified(column.schema, column.table)} alter column {ident(column.name)}"
        )

    def _table(self, node: Node) -> str:
        column: Column = node.item
        return f"view:{qualified(column.schema, column.table)}"
