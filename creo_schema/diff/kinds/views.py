"""Views and materialized views.

A view whose new definition keeps its columns (same names and types, in the same order,
new ones only at the end) is changed with CREATE OR REPLACE VIEW; otherwise it is replaced,
and what depends on it with it. A materialized view has no OR REPLACE: a new definition
replaces it (and refills it). Options (security_invoker, check_option, storage parameters)
are set and reset in place.
"""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Column, Relation, View
from creo_schema.diff.change import Change
from creo_schema.diff.effects import NONE, Effects, Lock
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind, parameter_changes
from creo_schema.diff.kinds.clustering import cluster_changes
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.kinds.types import name_slot
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import qualified


@dataclass(frozen=True, slots=True)
class ViewItem:
    view: View
    relation: Relation

    @property
    def owner(self) -> str:
        return self.relation.owner


class ViewKind(Kind):
    name = ObjectKind.VIEW
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        relations = {r.oid: r for r in snapshot.relations}
        for view in snapshot.views:
            relation = relations.get(view.oid)
            if relation is None:
                continue
            side.add(
                Node(
                    f"view:{qualified(view.schema, view.name)}",
                    ObjectKind.MATERIALIZED_VIEW if view.materialized else ObjectKind.VIEW,
                    ViewItem(view, relation),
                    slot=name_slot(view.schema, view.name),
                ),
                ("pg_class", view.oid, 0),
            )

    @staticmethod
    def _word(node: Node) -> str:
        return "materialized view" if node.item.view.materialized else "view"

    @staticmethod
    def sql_name(node: Node) -> str:
        return qualified(node.item.view.schema, node.item.view.name)

    @staticmethod
    def _definition(view: View) -> str:
        return view.definition.strip().rstrip(";")

    def create(self, node: Node, ctx: Context) -> list[Change]:
        view: View = node.item.view
        options = f" with ({', '.join(view.options)})" if view.options else ""
        sql = (
            f"create {self._word(node)} {self.sql_name(node)}{options} as\n{self._definition(view)}"
        )
        if view.materialized and not view.populated:
            sql += "\nwith no data"
        # its columns come with it; its indexes, triggers and rules after it (an index is
        # marked for CLUSTER with its creation)
        creates = [node.id, *_columns(node, ctx)]
        return [
            self.make(
                node,
                "create",
                sql,
                f"create_{self._word(node).replace(' ', '_')}",
                creates=creates,
                requires=[schema_id(view.schema)],
                effects=NONE
                if view.materialized
                else _definer(view.options, _before_options(node, ctx)),
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        # a materialized view's rows go with it
        effects = Effects(deletes_data=node.item.view.materialized)
        sql = f"drop {self._word(node)} {self.sql_name(node)}"
        return [self.make(node, "drop", sql, effects=effects)]

    def drop_to_replace(self, node: Node, ctx: Context) -> list[Change]:
        # filled again by its new definition; gone until then
        effects = Effects(lock=Lock.ACCESS_EXCLUSIVE) if node.item.view.materialized else NONE
        sql = f"drop {self._word(node)} {self.sql_name(node)}"
        return [self.make(node, "drop", sql, effects=effects)]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: View = old.item.view
        b: View = new.item.view
        if a.materialized != b.materialized:
            return REPLACE
        out: list[Change] = []
        name = self.sql_name(new)
        word = self._word(new)
        if self._definition(a) != self._definition(b):
            if b.materialized or not self._columns_kept(old, new, ctx):
                return REPLACE
            options = f" with ({', '.join(b.options)})" if b.options else ""
            out.append(
                self.make(
                    new,
                    "alter",
                    f"create or replace view {name}{options} as\n{self._definition(b)}",
                    "replace_view",
                    creates=_columns(new, ctx),
                    effects=_definer(b.options, a.options),
                )
            )
        elif a.options != b.options:
            reset, changed = parameter_changes(a.options, b.options)
            if reset:
                out.append(
                    self.make(
                        new,
                        "alter",
                        f"alter {word} {name} reset ({', '.join(reset)})",
                        "view_options",
                    )
                )
            if changed:
                out.append(
                    self.make(
                        new,
                        "alter",
                        f"alter {word} {name} set ({', '.join(changed)})",
                        "view_options",
                    )
                )
        if b.materialized and a.populated != b.populated:
            if not b.populated:
                return REPLACE
            out.append(
                self.make(
                    new,
                    "alter",
                    f"refresh materialized view {name}",
                    "refresh",
                    effects=Effects(lock=Lock.ACCESS_EXCLUSIVE),
                )
            )
        return out + cluster_changes(self, new, old.item.relation, new.item.relation, ctx)

    @staticmethod
    def _columns_kept(old: Node, new: Node, ctx: Context) -> bool:
        def columns(side: Side, node: Node) -> list[tuple[str, str]]:
            found: list[Column] = [side.nodes[c].item for c in _column_ids(side, node)]
            return [(c.name, c.type) for c in sorted(found, key=lambda c: c.position)]

        before, after = columns(ctx.current, old), columns(ctx.desired, new)
        return after[: len(before)] == before

    def comment_target(self, node: Node) -> str:
        return f"{self._word(node)} {self.sql_name(node)}"

    def is_rebuildable(self, node: Node) -> bool:
        return True

    def grant_target(self, node: Node) -> str:
        return f"table {self.sql_name(node)}"

    def owner_target(self, node: Node) -> str:
        return f"{self._word(node)} {self.sql_name(node)}"


def _definer(options: tuple[str, ...], before: tuple[str, ...] | None) -> Effects:
    """A view that runs as its owner (no security_invoker) shows its rows to whoever may
    select from it, past their policies: a new one, or one that was invoker before,
    widens access."""
    widens = not _invoker(options) and (before is None or _invoker(before))
    return Effects(widens_access=widens)


def _invoker(options: tuple[str, ...]) -> bool:
    return any(
        o.lower() in ("security_invoker=true", "security_invoker=on", "security_invoker=1")
        for o in options
    )


def _before_options(node: Node, ctx: Context) -> tuple[str, ...] | None:
    """The options of the view this one replaces, when it replaces one."""
    old = ctx.current.nodes.get(node.id)
    return old.item.view.options if old is not None and old.kind == node.kind else None


def _columns(node: Node, ctx: Context) -> list[str]:
    return _column_ids(ctx.desired, node)


def _column_ids(side: Side, node: Node) -> list[str]:
    """A view's columns: its triggers (INSTEAD OF) and rules are its children too."""
    children = side.children.get(node.id, ())
    return [i for i in children if side.nodes[i].kind == "view column"]
