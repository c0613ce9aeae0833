"""Sequences: every option altered in place, OWNED BY as a change of its own.

An identity column's sequence is that column's (diff/kinds/tables.py): it has no node here.
OWNED BY is set after the owning column exists and cleared before it goes, so it is a
separate change, ordered by the column it names.
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Sequence
from creo_schema.diff.change import Change
from creo_schema.diff.effects import Effects, Lock, SequenceRestarts
from creo_schema.diff.kinds.base import Altered, Context, Kind
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.kinds.types import name_slot
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import qualified


def sequence_id(schema: str, name: str) -> str:
    return f"sequence:{qualified(schema, name)}"


def _options(item: Sequence) -> str:
    return (
        f"as {item.data_type} increment by {item.increment} minvalue {item.min} "
        f"maxvalue {item.max} start with {item.start} cache {item.cache} "
        + ("cycle" if item.cycle else "no cycle")
    )


class SequenceKind(Kind):
    name = ObjectKind.SEQUENCE

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.sequences:
            if item.identity:
                continue
            side.add(
                Node(
                    sequence_id(item.schema, item.name),
                    self.name,
                    item,
                    slot=name_slot(item.schema, item.name),
                ),
                ("pg_class", item.oid, 0),
            )

    def sql_name(self, node: Node) -> str:
        return qualified(node.item.schema, node.item.name)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Sequence = node.item
        unlogged = "unlogged " if item.unlogged else ""
        out = [
            self.make(
                node,
                "create",
                f"create {unlogged}sequence {self.sql_name(node)} {_options(item)}",
                requires=[schema_id(item.schema)],
            )
        ]
        if item.owned_by:
            out.append(self._owned_by(node, item.owned_by))
        return out

    def _owned_by(self, node: Node, owner: str | None) -> Change:
        target = owner or "none"
        return self.make(
            node,
            "alter",
            f"alter sequence {self.sql_name(node)} owned by {target}",
            "sequence_owned_by",
        )

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        # its position goes: a sequence created again starts over
        effects = Effects(deletes_data=True)
        return [self.make(node, "drop", f"drop sequence {self.sql_name(node)}", effects=effects)]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Sequence = old.item
        b: Sequence = new.item
        name = self.sql_name(new)
        out = []
        options = []
        if a.data_type != b.data_type:
            options.append(f"as {b.data_type}")
        if a.increment != b.increment:
            options.append(f"increment by {b.increment}")
        if a.min != b.min:
            options.append(f"minvalue {b.min}")
        if a.max != b.max:
            options.append(f"maxvalue {b.max}")
        if a.start != b.start:
            options.append(f"start with {b.start}")
        if a.cache != b.cache:
            options.append(f"cache {b.cache}")
        if a.cycle != b.cycle:
            options.append("cycle" if b.cycle else "no cycle")
        # Bounds that close in may leave the sequence's position outside them, which
        # PostgreSQL refuses: it restarts at its (new) start, which the plan's row check
        # allows only for a sequence that has handed out nothing yet.
        restart = b.min > a.min or b.max < a.max
        if restart:
            options.append(f"restart with {b.start}")
        if options:
            out.append(
                self.make(
                    new,
                    "alter",
                    f"alter sequence {name} {' '.join(options)}",
                    "alter_sequence",
                    effects=Effects(rows=SequenceRestarts(name, str(b.start)) if restart else None),
                )
            )
        if a.unlogged != b.unlogged:
            word = "unlogged" if b.unlogged else "logged"
            out.append(
                self.make(
                    new,
                    "alter",
                    f"alter sequence {name} set {word}",
                    "set_logged",
                    effects=Effects(lock=Lock.ACCESS_EXCLUSIVE, rewrites=True),
                )
            )
        if a.owned_by != b.owned_by:
            out.append(self._owned_by(new, b.owned_by))
        return out

    def detach(self, node: Node) -> Change:
        """OWNED BY NONE: the sequence outlives the column it belonged to."""
        return self._owned_by(node, None)

    def attach(self, node: Node) -> Change:
        return self._owned_by(node, node.item.owned_by)

    def comment_target(self, node: Node) -> str:
        return f"sequence {self.sql_name(node)}"

    def grant_target(self, node: Node) -> str:
        return f"sequence {self.sql_name(node)}"

    def owner_target(self, node: Node) -> str:
        return f"sequence {self.sql_name(node)}"
