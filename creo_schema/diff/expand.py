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
    current, desired = ctx.current, ctx.desired
    out = Expansion(set(removed), set(replaced))
    gone: set[str] = set()
    todo: list[tuple[str, bool]] = []  # (id, only column-blocking dependents)

    def go(node_id: str) -> None:
        for child in current.descendants(node_id):
            out.implicit.add(child)  # whether or not it was seen before: its parent takes it
            if child not in gone:
                gone.add(child)
                todo.append((child, False))
        if node_id not in gone:
            gone.add(node_id)
            todo.append((node_id, False))

    for node_id in sorted(removed | replaced):
        go(node_id)
    todo += [(node_id, True) for node_id in sorted(invalidated)]

    while todo:
        node_id, blocking_only = todo.pop()
        node = current.nodes.get(node_id)
        for dependent_id in sorted(current.needed_by.get(node_id, ())):
            if dependent_id in gone or dependent_id in out.retype or dependent_id in out.detach:
                continue
            dependent = current.nodes[dependent_id]
            if dependent_id not in desired.nodes:
                continue  # dropped anyway; ordering puts its drop first
            if blocking_only and dependent.kind not in BLOCKS_COLUMN_CHANGES:
                continue
            if _moves_out(node, dependent):
                continue
            if (
                blocking_only
                and dependent.kind == ObjectKind.DEFAULT
                and dependent.item.default == desired.nodes[dependent_id].item.default
            ):
                continue  # the same default: PostgreSQL converts it with the column
            kind = kinds[dependent.kind]
            if _rebuildable(kind, dependent):
                out.replaced.add(dependent_id)
                go(dependent_id)
            elif (
                dependent.kind == ObjectKind.COLUMN
                and node is not None
                and node.kind == ObjectKind.COLLATION
            ):
                if _leaves_collation(node, desired.nodes[dependent_id]):
                    # Its own ALTER ... TYPE takes it off the collation, before the drop
                    # (order.py, rule 2): a pass through the default would be two more.
                    continue
                # A column keeps its rows under the default collation while its own is
                # replaced (no rewrite: the type stays; its indexes are rebuilt).
                out.retype[dependent_id] = f'{dependent.item.type} collate "default"'
                todo.append((dependent_id, True))
            elif (
                dependent.kind == ObjectKind.COLUMN and node is not None and node.kind in TYPE_KINDS
            ):
                via = _passing_type(node, dependent, desired.nodes.get(node_id))
                if via is None:
                    out.refusals.append(
                        f"{node.kind} {node.name} cannot be replaced while column "
                        f"{dependent.name} has it (its attributes change names or order, so "
                        "its values could not pass through their text form)"
                    )
                    continue
                out.retype[dependent_id] = via
                todo.append((dependent_id, True))
            elif (
                dependent.kind == ObjectKind.SEQUENCE
                and node is not None
                and node.kind == ObjectKind.COLUMN
            ):
                out.detach.add(dependent_id)
            else:
                what = "changed" if blocking_only else "dropped"
                out.refusals.append(
                    f"{node.kind if node else 'object'} {node.name if node else node_id} cannot be "
                    f"{what}: {dependent.kind} {dependent.name} depends on it and cannot be "
                    "rebuilt without losing data"
                )
    # A sequence owned by a column goes with the column: no DROP SEQUENCE of its own.
    for node_id in removed:
        node = current.nodes[node_id]
        if node.kind != ObjectKind.SEQUENCE:
            continue
        for owner in current.needs.get(node_id, ()):
            if owner.startswith("column:") and owner in gone:
                out.owned[node_id] = owner
                out.implicit.add(node_id)
    for node_id in out.implicit:
        node = desired.nodes.get(node_id)
        if node is None or node_id in out.removed:
            continue
        if kinds[node.kind].included_in_parent(node) and (
            node.parent in (out.replaced | out.implicit | out.recreate)
            # a parent that is new under this id (a view's name now a table's) creates it
            or (node.parent is not None and node.parent not in current.nodes)
        ):
            continue
        out.recreate.add(node_id)
    return out


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
