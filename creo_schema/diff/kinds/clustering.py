"""CLUSTER ON: the index CLUSTER uses, of a table or a materialized view."""

from __future__ import annotations

from creo_schema.catalog.model import Relation
from creo_schema.diff.change import Change
from creo_schema.diff.effects import (
    Effects,
    LastPhase,
    Lock,
)
from creo_schema.diff.kinds.base import (
    Context,
    Kind,
)
from creo_schema.diff.objects import Node
from creo_schema.diff.quote import ident, qualified

# CLUSTER ON only marks an index (SHARE UPDATE EXCLUSIVE); an index built concurrently is
# there in the last phase.
_CLUSTER = Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE, online=LastPhase(after_builds=True))


def cluster_changes(
    kind: Kind, node: Node, before: Relation | None, after: Relation, ctx: Context
) -> list[Change]:
    """ALTER TABLE (or MATERIALIZED VIEW) ... CLUSTER ON / SET WITHOUT CLUSTER: which index a
    later CLUSTER uses. Only the mark is set; no rows move (CLUSTER itself is maintenance).

    Here when the mark moves to an index that exists already, or goes; an index the plan
    creates (new, or replaced, which loses the mark) is marked with its creation
    (`cluster_on_created`)."""
    was = before.clustered_index if before else None
    if after.clustered_index == was:
        return []
    name = qualified(after.schema, after.name)
    if after.clustered_index is None:
        sql = f"alter {_word(after)} {name} set without cluster"
        return [kind.make(node, "alter", sql, "cluster_on", table=node.id, effects=_CLUSTER)]
    index = _index_node(after, ctx)
    if index not in ctx.current.nodes:
        return []
    return [_cluster_on(kind, node, after, node.id, [index])]


def cluster_on_created(kind: Kind, node: Node, index_name: str, ctx: Context) -> list[Change]:
    """CLUSTER ON for an index (or key) `node` the plan creates, when its table is marked so."""
    parent = ctx.desired.nodes.get(node.parent or "")
    if parent is None:
        return []
    relation = getattr(parent.item, "relation", parent.item)
    if not isinstance(relation, Relation) or relation.clustered_index != index_name:
        return []
    # the index's own change (the relation's changes keep their order: it may come later)
    return [_cluster_on(kind, node, relation, parent.id, [node.id])]


def _cluster_on(
    kind: Kind, node: Node, relation: Relation, table: str, requires: list[str]
) -> Change:
    name = qualified(relation.schema, relation.name)
    sql = f"alter {_word(relation)} {name} cluster on {ident(relation.clustered_index or '')}"
    return kind.make(
        node, "alter", sql, "cluster_on", table=table, requires=requires, effects=_CLUSTER
    )


def _index_node(relation: Relation, ctx: Context) -> str:
    """The node of the index a relation is clustered on: a key's index is its constraint's."""
    name = relation.clustered_index or ""
    key = f"constraint:{qualified(relation.schema, relation.name)}.{ident(name)}"
    return key if key in ctx.desired.nodes else f"index:{qualified(relation.schema, name)}"


def _word(relation: Relation) -> str:
    return "materialized view" if relation.kind == "materialized view" else "table"
