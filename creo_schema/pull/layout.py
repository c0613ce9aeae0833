"""Which file of schema/ each pulled statement goes in: the layout a reviewer would choose.

Folders by schema, then kind: one file per table (its columns, constraints, indexes,
comments, row level security, policies, triggers and grants), per view, per function name
(its overloads together), per type and per sequence; what is not inside one schema
(schemas, extensions, default privileges, publications, ...) in a file per kind at the top.
A statement belongs to the object at the top of its node's parents (a column's table, an
index's table, a view column's view), read from the differ's side, never from its SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from creo_schema.catalog.kinds import ObjectKind
from creo_schema.diff.change import Change
from creo_schema.diff.objects import Node, Side

# The folder of each kind of top object, inside its schema's folder.
_FOLDERS = {
    ObjectKind.TABLE: "tables",
    ObjectKind.VIEW: "views",
    ObjectKind.MATERIALIZED_VIEW: "views",
    ObjectKind.FUNCTION: "functions",
    ObjectKind.ENUM: "types",
    ObjectKind.DOMAIN: "types",
    ObjectKind.COMPOSITE_TYPE: "types",
    ObjectKind.RANGE: "types",
    ObjectKind.SEQUENCE: "sequences",
    ObjectKind.COLLATION: "collations",
    ObjectKind.STATISTICS: "statistics",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class PulledFile:
    """One file of schema/ as pull writes it."""

    path: str  # relative to schema/
    statements: tuple[str, ...]
    objects: tuple[str, ...]  # the ids of the objects it declares, in order

    @property
    def text(self) -> str:
        return "".join(f"{s.rstrip().rstrip(';')};\n\n" for s in self.statements).rstrip() + "\n"


def layout(changes: Iterable[Change], side: Side) -> list[PulledFile]:
    """The files, in path order; each file's statements in the differ's (dependency) order."""
    statements: dict[str, list[str]] = {}
    objects: dict[str, list[str]] = {}
    for change in changes:
        path = _path(_top(change.identity, side), change)
        statements.setdefault(path, []).append(change.sql)
        if change.identity not in objects.setdefault(path, []):
            objects[path].append(change.identity)
    return [
        PulledFile(path, tuple(statements[path]), tuple(objects[path]))
        for path in sorted(statements)
    ]


def _top(node_id: str, side: Side) -> Node | None:
    """The object at the top of a node's parents (itself when it has none)."""
    node = side.get(node_id)
    while node is not None and node.parent is not None and side.get(node.parent) is not None:
        node = side.get(node.parent)
    return node


def _path(top: Node | None, change: Change) -> str:
    if top is None:
        # On an object schema/ does not manage (a trigger on auth.users): by kind.
        return f"{_plural(change.kind)}.sql"
    item = getattr(top.item, "view", top.item)  # a view's node holds its relation and view
    schema = getattr(item, "schema", None)
    folder = _FOLDERS.get(top.kind)
    if schema and folder:
        return f"{_file_name(schema)}/{folder}/{_file_name(item.name)}.sql"
    return f"{_plural(str(top.kind))}.sql"


def _plural(kind: str) -> str:
    """A kind's file: `schemas`, `extensions`, `default_privileges`, `triggers`, ..."""
    name = _file_name(kind)
    return name if name.endswith(("privileges", "statistics", "s")) else f"{name}s"


def _file_name(name: str) -> str:
    """A name as a file name: what a file system or a shell would trip on becomes `_`."""
    return _UNSAFE.sub("_", name.replace(" ", "_")) or "_"
