"""One side of a diff: every object of a catalog snapshot as a node with a stable id.

An id is `<kind>:<name as SQL>` (`table:public.orders`, `column:public.orders.total`,
`function:public.f(integer)`), the same on both sides for the same object, so matching the
two sides is a dictionary lookup. A node knows its parent (a column's table, a policy's
table), and the *slot* its name takes: two objects that cannot exist at once under one name
(a table and a view called alike, an index and a table) share a slot, so a drop of the one
is ordered before the create of the other.

pg_depend (catalog/sql/dependencies.sql) is mapped onto the ids through each object's oid:
`needs[x]` is what x depends on, `needed_by[x]` what depends on x. Objects outside the
snapshot (built-in types, platform tables) have no id and no edges: they are always there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: ObjectKind  # catalog/kinds.py: table, column, view, function, ...
    item: Any  # the catalog row
    parent: str | None = None
    slot: str = ""  # the name it occupies, when it can collide with another kind's

    @property
    def name(self) -> str:
        return self.id.partition(":")[2]


OidKey = tuple[str, int, int]  # (catalog, oid, sub-id)


@dataclass
class Side:
    """The nodes of one snapshot, their oids, their dependencies and their facets."""

    snapshot: CatalogSnapshot
    nodes: dict[str, Node] = field(default_factory=dict)
    by_oid: dict[OidKey, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    needs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    needed_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    comments: dict[str, str] = field(default_factory=dict)
    # id -> grantee -> privileges ('select', 'insert*' for grantable), as the catalog reads
    acls: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    # what the snapshot reads but cannot attach to a node: named, never silently dropped
    strays: list[str] = field(default_factory=list)
    _index_options: dict[tuple[str, str], tuple[str, ...]] | None = field(default=None, repr=False)

    def add(self, node: Node, *oids: OidKey) -> None:
        if node.id in self.nodes:
            # Two catalog rows, one id: a name the id scheme cannot tell apart. Never merge
            # them silently; the differ refuses the object by name.
            self.strays.append(f"{node.kind} {node.name} (two objects share this name)")
            return
        self.nodes[node.id] = node
        if node.parent is not None:
            self.children[node.parent].append(node.id)
        for key in oids:
            self.by_oid[key] = node.id

    def descendants(self, node_id: str) -> list[str]:
        out: list[str] = []
        todo = list(self.children.get(node_id, ()))
        while todo:
            child = todo.pop()
            out.append(child)
            todo.extend(self.children.get(child, ()))
        return out

    def get(self, node_id: str) -> Node | None:
        return self.nodes.get(node_id)

    def index_options(self, schema: str, name: str) -> tuple[str, ...]:
        """An index's storage parameters, by its name (the map made on first use: a key's
        constraint asks for its index's, once per key)."""
        if self._index_options is None:
            self._index_options = {
                (i.schema, i.name): tuple(i.options) for i in self.snapshot.indexes
            }
        return self._index_options.get((schema, name), ())


def relation_ids(snapshot: CatalogSnapshot) -> dict[int, str]:
    """Each relation's oid -> its node id (`table:` or `view:`), for what lives on one."""
    from creo_schema.diff.quote import qualified

    views = (ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW)  # a relation's kind, by the same name
    return {
        r.oid: f"{'view' if r.kind in views else 'table'}:{qualified(r.schema, r.name)}"
        for r in snapshot.relations
    }


def build_side(snapshot: CatalogSnapshot, kinds: Iterable[Any]) -> Side:
    """Index a snapshot: each kind contributes its nodes, then dependencies, comments and
    privileges are attached to them by oid."""
    side = Side(snapshot)
    for kind in kinds:
        kind.add_nodes(snapshot, side)
    for dep in snapshot.dependencies:
        dependent = _resolve(side, dep.dependent_class, dep.dependent_oid, dep.dependent_sub)
        referenced = _resolve(side, dep.referenced_class, dep.referenced_oid, dep.referenced_sub)
        if dependent is None or referenced is None or dependent == referenced:
            continue
        side.needs[dependent].add(referenced)
        side.needed_by[referenced].add(dependent)
    for comment in snapshot.comments:
        target = _resolve(side, comment.class_, comment.objid, comment.subid)
        if target is None:
            side.strays.append(f"comment on {comment.object_type} {comment.object}")
        else:
            side.comments[target] = comment.text
    for privilege in snapshot.privileges:
        target = _resolve(side, privilege.class_, privilege.objid, privilege.subid)
        if target is None:
            continue  # an object the differ leaves to its owner (an identity sequence)
        side.acls.setdefault(target, {})[privilege.grantee] = frozenset(privilege.privileges)
    return side


def _resolve(side: Side, catalog: str, oid: int, sub: int) -> str | None:
    found = side.by_oid.get((catalog, oid, sub))
    if found is None and sub:
        # A column's dependency where only its table is known (a view's column): the table.
        found = side.by_oid.get((catalog, oid, 0))
    return found
