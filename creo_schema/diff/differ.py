"""Our own differ: two catalog snapshots in, the ordered changes between them out.

1. Both snapshots become sides of nodes with stable ids (objects.py).
2. Objects only in the target are dropped, only in the desired state created; objects in
   both are compared, and their kind alters them in place or asks for a replacement.
3. Replacements and drops are expanded over the target's dependency graph (expand.py).
4. The changes are written, their comments, privileges and owners with them (facets.py),
   and put in order (order.py).

The rollback is the same function with the two snapshots swapped.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterable
from typing import NamedTuple

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import KIND_SPECS, ObjectKind
from creo_schema.catalog.model import Column
from creo_schema.catalog.scope import UNMODELED_DATABASE_KINDS
from creo_schema.diff.change import Action, Change, Unplannable, change
from creo_schema.diff.effects import NONE
from creo_schema.diff.expand import Expansion, expand
from creo_schema.diff.facets import facet_changes
from creo_schema.diff.kinds.base import REPLACE, Context, Kind, Refused
from creo_schema.diff.kinds.casts import CastKind
from creo_schema.diff.kinds.columns import ColumnKind, type_change_effects
from creo_schema.diff.kinds.constraints import ConstraintKind, IndexKind
from creo_schema.diff.kinds.default_privileges import DefaultPrivilegesKind
from creo_schema.diff.kinds.defaults import DefaultKind, ViewDefaultKind
from creo_schema.diff.kinds.event_triggers import EventTriggerKind
from creo_schema.diff.kinds.foreign_data import ForeignDataWrapperKind, ServerKind, UserMappingKind
from creo_schema.diff.kinds.namespaces import CollationKind, ExtensionKind, SchemaKind
from creo_schema.diff.kinds.publications import (
    PublicationKind,
    PublicationSchemaKind,
    PublicationTableKind,
)
from creo_schema.diff.kinds.roles import RoleKind, RoleMembershipKind
from creo_schema.diff.kinds.routines import FunctionKind
from creo_schema.diff.kinds.sequences import SequenceKind
from creo_schema.diff.kinds.subscriptions import SubscriptionKind
from creo_schema.diff.kinds.table_objects import PolicyKind, RuleKind, StatisticsKind, TriggerKind
from creo_schema.diff.kinds.tables import TableKind
from creo_schema.diff.kinds.types import (
    CompositeKind,
    DomainConstraintKind,
    DomainKind,
    EnumKind,
    RangeKind,
    name_slot,
)
from creo_schema.diff.kinds.view_columns import ViewColumnKind
from creo_schema.diff.kinds.views import ViewKind
from creo_schema.diff.objects import Side, build_side
from creo_schema.diff.order import OrderingError, order
from creo_schema.diff.quote import ident, qualified

# The sequences' rules, which also release a sequence from a column and own it again
# (`_set_aside`, `_put_back`).
_SEQUENCES = SequenceKind()

# In the order nodes are added (tables add every relation's columns, so views come after).
KIND_LIST: tuple[Kind, ...] = (
    RoleKind(),
    RoleMembershipKind(),
    SchemaKind(),
    ExtensionKind(),
    CollationKind(),
    DefaultPrivilegesKind(),
    EnumKind(),
    DomainKind(),
    DomainConstraintKind(),
    CompositeKind(),
    RangeKind(),
    _SEQUENCES,
    FunctionKind(),
    CastKind(),
    TableKind(),
    ColumnKind(),
    DefaultKind(),
    ViewColumnKind(),
    ConstraintKind(),
    IndexKind(),
    ViewKind(),
    ViewDefaultKind(),
    TriggerKind(),
    RuleKind(),
    PolicyKind(),
    StatisticsKind(),
    ForeignDataWrapperKind(),
    ServerKind(),
    UserMappingKind(),
    EventTriggerKind(),
    PublicationKind(),
    PublicationTableKind(),
    PublicationSchemaKind(),
    SubscriptionKind(),
)
_BY_NAME = {kind.name: kind for kind in KIND_LIST}
# Every kind of catalog/kinds.py -> the rules that diff it (a materialized view's are a view's).
KINDS: dict[str, Kind] = {
    name: _BY_NAME[spec.diffed_as or name] for name, spec in KIND_SPECS.items()
}

FACET_RANKS = {"owner": 90, "revoke": 91, "grant": 92, "comment": 93}


def diff(current: CatalogSnapshot, desired: CatalogSnapshot) -> list[Change]:
    """The changes that take the `current` database to the `desired` one, in order."""
    return changes_between(build_side(current, KIND_LIST), build_side(desired, KIND_LIST))


class BothWays(NamedTuple):
    """The migration, its rollback, and the two sides they were read from (which later
    steps may ask about the objects changes name: plan/privileges.py, their owners)."""

    forward: list[Change]
    backward: list[Change]
    current: Side
    desired: Side


def diff_both(current: CatalogSnapshot, desired: CatalogSnapshot) -> BothWays:
    """The migration and its rollback, each side indexed once for both.

    The indexes are hundreds of thousands of small dicts, sets and nodes, none in a cycle:
    the collector's full passes over them (and over the snapshots) were 40% of the diff at
    a thousand tables, and would free nothing.
    """
    _refuse_undeclarable(current, desired)
    collecting = gc.isenabled()
    gc.disable()
    try:
        one, two = build_side(current, KIND_LIST), build_side(desired, KIND_LIST)
        forward = changes_between(one, two)
        try:
            backward = changes_between(two, one)
        except Unplannable as error:
            # named as the rollback's: the migration alone could be planned
            raise Unplannable([f"the rollback: {p}" for p in error.problems]) from None
        return BothWays(forward, backward, one, two)
    finally:
        if collecting:
            gc.enable()


def changes_between(current_side: Side, desired_side: Side) -> list[Change]:
    ctx = Context(current_side, desired_side, major=current_side.snapshot.server_version // 10000)
    _refuse_unmodeled(ctx)
    removed = {i for i in ctx.current.nodes if i not in ctx.desired.nodes}
    replaced: set[str] = set()
    alters: dict[str, list[Change]] = {}
    invalidated: set[str] = set()
    refusals: list[str] = []
    for node_id, new in ctx.desired.nodes.items():
        old = ctx.current.nodes.get(node_id)
        if old is None or (old.kind == new.kind and KINDS[new.kind].same(old, new, ctx)):
            continue
        if old.kind != new.kind:
            replaced.add(node_id)
            continue
        try:
            result = KINDS[new.kind].alter(old, new, ctx)
        except Refused as refusal:
            refusals.append(str(refusal))
            continue
        if result is REPLACE:
            replaced.add(node_id)
        elif result:
            alters[node_id] = list(result)
            invalidated |= {i for c in alters[node_id] for i in c.drops & c.creates}
    expansion = expand(ctx, KINDS, removed, replaced, invalidated)
    if refusals or expansion.refusals:
        raise Unplannable(refusals + expansion.refusals)
    changes = _write(ctx, expansion, alters)
    try:
        return _ordered(ctx, changes)
    except OrderingError as error:
        raise Unplannable([str(error)]) from None


def _refuse_unmodeled(ctx: Context) -> None:
    problems = [
        f"{where} has {item.kind} {item.name}, which creo-schema cannot plan yet"
        for where, side in (("the target", ctx.current), ("schema/", ctx.desired))
        for item in side.snapshot.unmodeled
    ]
    problems += [
        f"{where}: {stray}"
        for where, side in (("the target", ctx.current), ("schema/", ctx.desired))
        for stray in side.strays
    ]
    if problems:
        raise Unplannable(problems)


def _refuse_undeclarable(current: CatalogSnapshot, desired: CatalogSnapshot) -> None:
    """A database-level kind the snapshot does not model (an access method, a language, a
    transform) that schema/ declares and the target lacks: no plan can create it. The
    target's own are named and left alone (catalog/scope.py), so this holds one way only:
    the rollback never removes what the migration never made."""
    theirs = {item.key for item in current.unmanaged}
    problems = [
        f"schema/ has {item.kind} {item.name}, which creo-schema cannot plan yet"
        for item in desired.unmanaged
        if item.kind in UNMODELED_DATABASE_KINDS and item.key not in theirs
    ]
    if problems:
        raise Unplannable(problems)


def _write(ctx: Context, expansion: Expansion, alters: dict[str, list[Change]]) -> list[Change]:
    """Every change, in the order they are written (order.py puts them in the order they
    run): what goes, columns set aside, what comes, what changes in place, columns put back,
    and the comments, owners and privileges of what stays."""
    created = _created_ids(ctx, expansion)
    return [
        *_going(ctx, expansion),
        *_set_aside(ctx, expansion),
        *_coming(ctx, expansion, created),
        *_in_place(ctx, expansion, alters),
        *_put_back(ctx, expansion),
        *_facets_of_kept(ctx, created),
    ]


def _going(ctx: Context, expansion: Expansion) -> list[Change]:
    """Explicit drops, and the first half of each replacement; what goes with its parent
    (a dropped table's columns, a column's sequence) is in the parent's drop."""
    out = []
    for node_id in sorted(expansion.removed | expansion.replaced):
        if node_id in expansion.implicit:
            continue
        node = ctx.current.nodes[node_id]
        action: Action = "replace" if node_id in expansion.replaced else "drop"
        gone = {node_id, *ctx.current.descendants(node_id)}
        gone |= {s for s, owner in expansion.owned.items() if owner in gone}
        for key_id in _cyclic_keys(ctx, node_id, expansion.removed | expansion.replaced):
            gone.discard(key_id)
            key = ctx.current.nodes[key_id]
            for item in KINDS[key.kind].drop(key, ctx):
                # its table's drop, in the same transaction, reports what is locked and lost
                out.append(dataclasses.replace(item, action="drop", effects=NONE))
        kind = KINDS[node.kind]
        dropped = kind.drop_to_replace(node, ctx) if action == "replace" else kind.drop(node, ctx)
        for item in dropped:
            out.append(dataclasses.replace(item, action=action, drops=item.drops | gone))
    return out


def _set_aside(ctx: Context, expansion: Expansion) -> list[Change]:
    """Columns passing through another type while theirs is replaced; sequences released
    from a column that goes."""
    out = []
    for column_id, via in sorted(expansion.retype.items()):
        column = ctx.current.nodes[column_id].item
        out.append(
            change(
                ObjectKind.COLUMN,
                "alter",
                column_id,
                _retype_sql(column, via),
                "alter_column_type",
                table=ctx.current.nodes[column_id].parent or "",
                drops=[column_id],
                # into the text form (or a domain's base type, or the default collation):
                # every value passes whole; the way back is checked (plan/checks.py)
                effects=type_change_effects(
                    column.name, column.type, via, using=True, passing=True
                ),
            )
        )
    for sequence_id in sorted(expansion.detach):
        out.append(_SEQUENCES.detach(ctx.current.nodes[sequence_id]))
    return out


def _created_ids(ctx: Context, expansion: Expansion) -> set[str]:
    """Every object the plan makes: new ones, the second half of each replacement, and what
    went with a dropped parent and comes back (explicitly, or with the parent's create)."""
    created = {i for i in ctx.desired.nodes if i not in ctx.current.nodes}
    created |= expansion.replaced | expansion.recreate
    created |= {i for i in expansion.implicit if i in ctx.desired.nodes}
    return created


def _coming(ctx: Context, expansion: Expansion, created: set[str]) -> list[Change]:
    out: list[Change] = []
    for node_id in sorted(created):
        node = ctx.desired.nodes.get(node_id)
        if node is None:
            continue
        kind = KINDS[node.kind]
        action: Action = "create" if node_id not in ctx.current.nodes else "replace"
        if node_id in expansion.recreate or not (
            kind.included_in_parent(node) and node.parent in created
        ):
            out += [_created(ctx, kind, node_id, item, action) for item in kind.create(node, ctx)]
        out += facet_changes(kind, node, ctx, created=True)
    return out


def _in_place(ctx: Context, expansion: Expansion, alters: dict[str, list[Change]]) -> list[Change]:
    return [
        _altered(ctx, node_id, item)
        for node_id, items in alters.items()
        if node_id not in expansion.replaced and node_id not in expansion.implicit
        for item in items
    ]


def _put_back(ctx: Context, expansion: Expansion) -> list[Change]:
    """The columns set aside, given their (replaced) type again; sequences owned again."""
    out = []
    for column_id in sorted(expansion.retype):
        column = ctx.desired.nodes[column_id].item
        retyped = change(
            ObjectKind.COLUMN,
            "alter",
            column_id,
            _retype_sql(column, column.type, column.collation),
            "alter_column_type",
            table=ctx.desired.nodes[column_id].parent or "",
            creates=[column_id],
            effects=type_change_effects(
                column.name,
                ctx.current.nodes[column_id].item.type,
                column.type,
                using=True,
                passing=True,
            ),
        )
        out.append(_altered(ctx, column_id, retyped))
    for sequence_id in sorted(expansion.detach):
        kept = ctx.desired.nodes.get(sequence_id)
        if kept is not None and kept.item.owned_by:
            out.append(_altered(ctx, sequence_id, _SEQUENCES.attach(kept)))
    return out


def _retype_sql(column: Column, to: str, collation: str | None = None) -> str:
    """`to` may carry its own collate clause (the default collation a column passes
    through); the cast names the type alone."""
    name = ident(column.name)
    collate = f" collate {collation}" if collation else ""
    # a generated column takes no USING: its values are computed again
    using = "" if column.generated else f" using {name}::{to.partition(' collate ')[0]}"
    return (
        f"alter table {qualified(column.schema, column.table)} alter column "
        f"{name} type {to}{collate}{using}"
    )


def _facets_of_kept(ctx: Context, created: set[str]) -> list[Change]:
    out = []
    for node_id, node in ctx.desired.nodes.items():
        old = ctx.current.nodes.get(node_id)
        if old is None or node_id in created:
            continue
        out += facet_changes(KINDS[node.kind], node, ctx, created=False, old=old)
    return out


def _cyclic_keys(ctx: Context, table_id: str, going: set[str]) -> list[str]:
    """The foreign keys of a dropped table that close a cycle of dropped tables (two tables
    referencing each other): each would have to go after the other, so they are dropped
    first, on their own, and the tables after."""
    current = ctx.current
    if current.nodes[table_id].kind != ObjectKind.TABLE:
        return []
    tables = {i for i in going if current.nodes[i].kind == ObjectKind.TABLE}

    def references(table: str) -> dict[str, set[str]]:
        """key id -> the other dropped tables it references (through their columns or keys)."""
        out: dict[str, set[str]] = {}
        for child in current.children.get(table, ()):
            if current.nodes[child].kind != ObjectKind.CONSTRAINT:
                continue
            targets = set()
            for needed in current.needs.get(child, ()):
                owner = _table_of(current, needed)
                if owner in tables and owner != table:
                    targets.add(owner)
            if targets:
                out[child] = targets
        return out

    def reaches(start: str, goal: str) -> bool:
        seen, todo = {start}, [start]
        while todo:
            for targets in references(todo.pop()).values():
                for target in targets - seen:
                    if target == goal:
                        return True
                    seen.add(target)
                    todo.append(target)
        return start == goal

    return sorted(
        key
        for key, targets in references(table_id).items()
        if any(reaches(target, table_id) for target in targets)
    )


def _table_of(side: Side, node_id: str) -> str | None:
    """The table a column or constraint belongs to (the table itself for a table)."""
    while node_id:
        node = side.nodes.get(node_id)
        if node is None:
            return None
        if node.kind == ObjectKind.TABLE:
            return node_id
        node_id = node.parent or ""
    return None


def _needs(ctx: Context, node_id: str, operation: str) -> set[str]:
    """What `node_id` needs in the desired state, its parent included."""
    node = ctx.desired.nodes.get(node_id)
    needs = set(ctx.desired.needs.get(node_id, ()))
    if node is not None:
        if node.kind == ObjectKind.SEQUENCE and operation != "sequence_owned_by":
            # OWNED BY is a change of its own, after the column: the sequence comes first
            # (the column's default needs it).
            needs = {n for n in needs if not n.startswith("column:")}
        if node.parent:
            needs.add(node.parent)
    return needs


def _created(ctx: Context, kind: Kind, node_id: str, item: Change, action: Action) -> Change:
    creates = set(item.creates) | ({node_id} if item.action != "alter" else set())
    requires = set(item.requires)
    for made in creates | {node_id}:
        requires |= _needs(ctx, made, item.operation)
    requires -= creates
    return dataclasses.replace(
        item,
        action=action if item.action == "create" else item.action,
        creates=frozenset(creates),
        requires=frozenset(requires),
    )


def _altered(ctx: Context, node_id: str, item: Change) -> Change:
    requires = set(item.requires) | _needs(ctx, node_id, item.operation)
    return dataclasses.replace(
        item, requires=frozenset(requires - item.creates - item.drops - {node_id})
    )


def _ordered(ctx: Context, changes: list[Change]) -> list[Change]:
    slots: dict[int, tuple[set[str], set[str]]] = {}
    made_identity, taken_identity = _identity_slots(ctx.desired), _identity_slots(ctx.current)
    for index, item in enumerate(changes):
        if item.operation in ("add_identity", "drop_identity"):
            # An identity's sequence has no node, but its name is taken all the same: a
            # serial's sequence of that name goes before the identity comes, and back.
            made = {made_identity[i] for i in item.creates if i in made_identity}
            taken = {taken_identity[i] for i in item.drops if i in taken_identity}
            if item.operation == "add_identity":
                taken = set()
            else:
                made = set()
            if made or taken:
                slots[index] = (made, taken)
            continue
        bounds = _room(item)
        if item.action == "alter" and not bounds[0] | bounds[1]:
            continue
        made = _slots(ctx.desired, item.creates) | bounds[0]
        taken = _slots(ctx.current, item.drops) | bounds[1]
        made |= {made_identity[i] for i in item.creates if i in made_identity}
        taken |= {taken_identity[i] for i in item.drops if i in taken_identity}
        if made or taken:
            slots[index] = (made, taken)
    sequence = {id(item): index for index, item in enumerate(changes)}

    def rank(item: Change) -> tuple[int, ...]:
        kind = KINDS.get(item.kind)
        base = kind.rank if kind is not None else 50
        if getattr(kind, "cluster_wide", False):
            # Roles frame the plan: made before anything may name them, dropped once
            # nothing does (nothing depends on them in the graph, so the ranks decide).
            if item.drops and not item.creates:
                return (2, -base, sequence[id(item)])
            return (-1, base, sequence[id(item)])
        if item.operation in FACET_RANKS:
            return (1, FACET_RANKS[item.operation], sequence[id(item)])
        if item.drops and not item.creates:
            return (0, -base, sequence[id(item)])
        return (1, base, sequence[id(item)])

    return order(changes, ctx.current, rank, slots)


def _room(item: Change) -> tuple[set[str], set[str]]:
    """Room a change takes or frees besides names, as (made, taken) slots: the order puts a
    change that takes it after the one that frees it. A partition's bounds are room in its
    parent (one that leaves frees them before one comes whose bounds may overlap: a hash
    modulus changed, a range split); a table's NO INHERIT frees the columns a drop needs
    (an inherited column cannot be dropped while it is)."""
    takes, frees = item.details.get("takes_room"), item.details.get("frees_room")
    return ({takes} if takes else set()), ({frees} if frees else set())


def _identity_slots(side: Side) -> dict[str, str]:
    """Each identity column's id -> the name slot of its sequence."""
    out = {}
    for sequence in side.snapshot.sequences:
        if sequence.identity and sequence.owned_by:
            table, _, column = sequence.owned_by.rpartition(".")
            out[f"column:{table}.{column}"] = name_slot(sequence.schema, sequence.name)
    return out


def _slots(side: Side, ids: Iterable[str]) -> set[str]:
    out = set()
    for node_id in ids:
        node = side.nodes.get(node_id)
        if node is not None and node.slot:
            out.add(node.slot)
    return out
