"""Event triggers: database-level, no schema. Which are managed is catalog/scope.py's rule
(those whose function is in a managed schema; the platform's, such as Supabase's
`pgrst_ddl_watch`, are left alone, and any other is named in the plan's warnings).

The event, the tags and the function cannot be altered: the trigger is replaced (nothing is
lost). Its state is ALTER EVENT TRIGGER ... ENABLE / DISABLE / ENABLE REPLICA / ENABLE
ALWAYS. An event trigger fires on the plan's own DDL: created last and dropped first, it
fires on as little of it as can be.
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import EventTrigger
from creo_schema.diff.change import Change
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal

_STATE = {"O": "enable", "D": "disable", "R": "enable replica", "A": "enable always"}


def event_trigger_id(name: str) -> str:
    return f"event trigger:{ident(name)}"


class EventTriggerKind(Kind):
    name = ObjectKind.EVENT_TRIGGER
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.event_triggers:
            side.add(
                Node(event_trigger_id(item.name), self.name, item),
                ("pg_event_trigger", item.oid, 0),
            )

    def _state(self, node: Node) -> Change:
        item: EventTrigger = node.item
        sql = f"alter event trigger {ident(item.name)} {_STATE[item.enabled]}"
        return self.make(node, "alter", sql, "enable_event_trigger")

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: EventTrigger = node.item
        sql = f"create event trigger {ident(item.name)} on {ident(item.event)}"
        if item.tags:
            sql += f"\n  when tag in ({', '.join(literal(t) for t in item.tags)})"
        sql += f"\n  execute function {item.function}()"
        out = [self.make(node, "create", sql)]
        if item.enabled != "O":
            out.append(self._state(node))
        return out

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop event trigger {ident(node.item.name)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: EventTrigger = old.item
        b: EventTrigger = new.item
        if (a.event, a.tags, a.function) != (b.event, b.tags, b.function):
            return REPLACE
        return [self._state(new)] if a.enabled != b.enabled else []

    def comment_target(self, node: Node) -> str:
        return f"event trigger {ident(node.item.name)}"

    def owner_target(self, node: Node) -> str:
        return f"event trigger {ident(node.item.name)}"
