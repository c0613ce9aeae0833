"""What else must move when an object is dropped, replaced or changed under its dependents.

PostgreSQL refuses to drop what something still depends on, and to change a column's type
while a view, rule, policy or trigger reads it. So, over the target's dependency graph:

- a dependent that can be rebuilt without losing data (a view, a policy, a function, an
  index, a constraint, a default ...) is dropped before and created again after, from the
  desired state, with its comment and privileges;
- a column whose type is being replaced (an enum losing a label, a domain's base type)
  keeps its rows: it is converted to text (or the domain's base type) before the type goes
  and back to the new type after; a column whose collation is replaced passes through the
  default collation alike;
- a sequence owned by a column that goes is released (OWNED BY NONE) first;
- anything else (a table's column of a composite type being replaced, say) cannot be
  planned, and is refused by name rather than dropped.

What lives inside a dropped object (a dropped table's columns, indexes, policies) goes with
it: no statement of its own, but what the desired state keeps of it is created again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from creo_schema.catalog.kinds import ObjectKind, kinds_where
from creo_schema.diff.kinds.base import Context, Kind
from creo_schema.diff.objects import Node
from creo_schema.diff.quote import qualified

# Kinds that stand in the way of ALTER COLUMN ... TYPE (and of identity changes), and the
# types a column can have (catalog/kinds.py).
BLOCKS_COLUMN_CHANGES = kinds_where("blocks_column_changes")
TYPE_KINDS = kinds_where("column_type")


@dataclass
class Expansion:
    removed: set[str]
    replaced: set[str]
    implicit: set[str] = field(default_factory=set)  # go with a parent's drop
    recreate: set[str] = field(default_factory=set)  # implicit, but the desired state has it
    retype: dict[str, str] = field(default_factory=dict)  # column id -> the type it passes through
    detach: set[str] = field(default_factory=set)  # sequences released from their column
    owned: dict[str, str] = field(default_factory=dict)  # dropped sequence -> owning column
    refusals: list[str] = field(default_factory=list)


def expand(
    ctx: Context,
    kinds: dict[str, Kind],
    removed: set[str],
    replaced: set[str],
    invalidated: set[str],
) -> Expansion:
    walk = _Walk(ctx, kinds, Expansion(set(removed), set(replaced)))
    for node_id in sorted(removed | replaced):
        walk.take_down(node_id)
    walk.todo += [(node_id, True) for node_id in sorted(invalidated)]
    while walk.todo:
        walk.visit(*walk.todo.pop())
    _release_owned_sequences(ctx, removed, walk.gone, walk.out)
    _recreate_kept_insides(ctx, kinds, walk.out)
    return walk.out


@dataclass
class _Walk:
    """A walk over the target's dependency graph, from what goes or changes to what
    depends on it, deciding for each dependent how it moves (into `out`)."""

    ctx: Context
    kinds: dict[str, Kind]
    out: Expansion
    gone: set[str] = field(default_factory=set)
    todo: list[tuple[str, bool]] = field(default_factory=list)  # (id, only column-blocking)

    def take_down(self, node_id: str) -> None:
        """The node goes (dropped or replaced), and with it what lives inside it."""
        for child in self.ctx.current.descendants(node_id):
            self.out.implicit.add(child)  # whether or not it was seen before: its parent takes it
            if child not in self.gone:
                self.gone.add(child)
                self.todo.append((child, False))
        if node_id not in self.gone:
            self.gone.add(node_id)
            self.todo.append((node_id, False))

    def visit(self, node_id: str, blocking_only: bool) -> None:
        """Move each dependent of a node that goes (or, `blocking_only`, of a column that
        changes) out of its way."""
        node = self.ctx.current.nodes.get(node_id)
        for dependent_id in sorted(self.ctx.current.needed_by.get(node_id, ())):
            if self._in_the_way(node, dependent_id, blocking_only):
                self._move(node, node_id, dependent_id, blocking_only)

    def _in_the_way(self, node: Node | None, dependent_id: str, blocking_only: bool) -> bool:
        """Whether the dependent must move: not already moving, kept by the desired state,
        and in the way of what happens to `node`."""
        out, desired = self.out, self.ctx.desired
        if dependent_id in self.gone or dependent_id in out.retype or dependent_id in out.detach:
            return False
        dependent = self.ctx.current.nodes[dependent_id]
        if dependent_id not in desired.nodes:
            return False  # dropped anyway; ordering puts its drop first
        if blocking_only and dependent.kind not in BLOCKS_COLUMN_CHANGES:
            return False
        if _moves_out(node, dependent):
            return False
        # the same default: PostgreSQL converts it with the column
        return not (
            blocking_only
            and dependent.kind == ObjectKind.DEFAULT
            and dependent.item.default == desired.nodes[dependent_id].item.default
        )

    def _move(
        self, node: Node | None, node_id: str, dependent_id: str, blocking_only: bool
    ) -> None:
        """Rebuild the dependent, pass its rows through another type, release it, or
        refuse: whichever keeps its data."""
        dependent = self.ctx.current.nodes[dependent_id]
        if _rebuildable(self.kinds[dependent.kind], dependent):
            self.out.replaced.add(dependent_id)
            self.take_down(dependent_id)
        elif (
            dependent.kind == ObjectKind.COLUMN
            and node is not None
            and node.kind == ObjectKind.COLLATION
        ):
            self._through_default_collation(node, dependent)
        elif dependent.kind == ObjectKind.COLUMN and node is not None and node.kind in TYPE_KINDS:
            self._through_passing_type(node, dependent)
        elif (
            dependent.kind == ObjectKind.SEQUENCE
            and node is not None
            and node.kind == ObjectKind.COLUMN
        ):
            self.out.detach.add(dependent_id)
        else:
            what = "changed" if blocking_only else "dropped"
            self.out.refusals.append(
                f"{node.kind if node else 'object'} {node.name if node else node_id} cannot be "
                f"{what}: {dependent.kind} {dependent.name} depends on it and cannot be "
                "rebuilt without losing data"
            )

    def _through_default_collation(self, collation: Node, column: Node) -> None:
        """A column of a collation being replaced."""
        if _leaves_collation(collation, self.ctx.desired.nodes[column.id]):
            # Its own ALTER ... TYPE takes it off the collation, before the drop
            # (order.py, rule 2): a pass through the default would be two more.
            return
        # A column keeps its rows under the default collation while its own is
        # replaced (no rewrite: the type stays; its indexes are rebuilt).
        self.out.retype[column.id] = f'{column.item.type} collate "default"'
        self.todo.append((column.id, True))

    def _through_passing_type(self, type_node: Node, column: Node) -> None:
        """A column of a type being replaced: converted to a type that outlives it, or
        refused."""
        via = _passing_type(type_node, column, self.ctx.desired.nodes.get(type_node.id))
        if via is None:
            self.out.refusals.append(
                f"{type_node.kind} {type_node.name} cannot be replaced while column "
                f"{column.name} has it (its attributes change names or order, so "
                "its values could not pass through their text form)"
            )
            return
        self.out.retype[column.id] = via
        self.todo.append((column.id, True))


def _release_owned_sequences(
    ctx: Context, removed: set[str], gone: set[str], out: Expansion
) -> None:
    """A sequence owned by a column goes with the column: no DROP SEQUENCE of its own."""
    current = ctx.current
    for node_id in removed:
        node = current.nodes[node_id]
        if node.kind != ObjectKind.SEQUENCE:
            continue
        for owner in current.needs.get(node_id, ()):
            if owner.startswith("column:") and owner in gone:
                out.owned[node_id] = owner
                out.implicit.add(node_id)


def _recreate_kept_insides(ctx: Context, kinds: dict[str, Kind], out: Expansion) -> None:
    """What goes with its parent but the desired state keeps is created again, unless its
    parent's own creation includes it."""
    for node_id in out.implicit:
        node = ctx.desired.nodes.get(node_id)
        if node is None or node_id in out.removed:
            continue
        if kinds[node.kind].included_in_parent(node) and (
            node.parent in (out.replaced | out.implicit | out.recreate)
            # a parent that is new under this id (a view's name now a table's) creates it
            or (node.parent is not None and node.parent not in ctx.current.nodes)
        ):
            continue
        out.recreate.add(node_id)


def _moves_out(node: Node | None, dependent: Node) -> bool:
    """An extension kept while its schema goes moves out first, in place (ALTER EXTENSION
    ... SET SCHEMA, which ordering puts before the drop); one that cannot move is replaced,
    and gone already."""
    return (
        node is not None
        and node.kind == ObjectKind.SCHEMA
        and dependent.kind == ObjectKind.EXTENSION
    )


def _leaves_collation(collation: Node, column: Node) -> bool:
    """The desired column no longer uses the collation (which is dropped or replaced)."""
    item = collation.item
    return getattr(column.item, "collation", None) != qualified(item.schema, item.name)


def _rebuildable(kind: Kind, node: object) -> bool:
    check = getattr(kind, "is_rebuildable", None)
    return bool(check(node)) if check is not None else kind.rebuildable


def _passing_type(type_node: object, column: object, new_type: object) -> str | None:
    """The type a column of a type being replaced is converted to meanwhile: text for an
    enum, a range or a composite type (their text forms read back into the new type), the
    base type for a domain; an array keeps being an array. A composite type whose
    attributes change names or order has none: its text form would put values into other
    attributes, by position."""
    kind = getattr(type_node, "kind", "")
    item = getattr(type_node, "item", None)
    if kind in (ObjectKind.ENUM, ObjectKind.RANGE):
        base = "text"
    elif kind == ObjectKind.COMPOSITE_TYPE and item is not None:
        after = getattr(new_type, "item", None)
        if getattr(after, "attribute_names", None) != item.attribute_names:
            return None
        base = "text"
    elif kind == ObjectKind.DOMAIN and item is not None:
        base = item.base_type
    else:
        return None
    column_type: str = getattr(getattr(column, "item", None), "type", "")
    return f"{base}[]" if column_type.endswith("[]") else base
