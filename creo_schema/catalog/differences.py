"""What differs between two snapshots, object by object, as typed data.

Objects are matched by their key (schema-qualified name, with the arguments for a function),
then compared field by field; fields declared `compare=False` (oids) are ignored. Privileges,
comments and dependencies are rows of their own (one per grantee, one per object), so what
one side has and the other lacks is an object created or dropped.

`object_diffs` is the one account of what differs: drift, the plan's proof, the unplanned-
difference guard and the apply-left report all word it (`compare` gives plain sentences).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from creo_schema.catalog.kinds import SNAPSHOT_FIELDS, noun
from creo_schema.catalog.model import CatalogRow
from creo_schema.catalog.reader import KINDS, CatalogSnapshot

# A field's value as the catalog holds it: plain JSON-able data, so a plan can carry it.
FieldValue = str | int | bool | None | tuple[str | int | None, ...]
DiffAction = Literal["create", "drop", "alter"]

# Kinds that are reference data for other modules, not part of the schema's meaning.
NOT_COMPARED = frozenset({"type_refs", "dependencies"})  # dependencies name oids

# The fields that name an object within its kind: kept on every difference, so that a
# reader can say what the object is and where it belongs (a column's table) without the row.
NAMING = (
    "object_type",
    "object",
    "schema",
    "table",
    "name",
    "kind",
    "identity_args",
    "arg_names",
    "grantee",
    "role",
    "source",
    "target",
    "constraint",  # an index's: the constraint it was built for
)

# What an object created or dropped is described by (a column's type, a grant's
# privileges), carried as fields with the missing side None; other kinds carry none.
_DESCRIBED_BY = {
    "columns": ("type", "not_null"),
    "constraints": ("definition",),
    "comments": ("text",),
    "privileges": ("privileges",),
    "default_privileges": ("privileges",),
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one object: its value on the first side (`old`) and the second (`new`)."""

    field: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """One object of a snapshot, by its kind, its key and the fields that name it."""

    kind: str  # the snapshot's kind: columns, functions, privileges, ...
    key: str  # the object's key within its kind
    identity: tuple[tuple[str, FieldValue], ...] = ()  # its NAMING fields

    @property
    def noun(self) -> str:
        return noun(self.kind) if self.kind in SNAPSHOT_FIELDS else self.kind

    def named(self, field: str) -> FieldValue:
        """A naming field's value (None when the kind has no such field)."""
        return dict(self.identity).get(field)


@dataclass(frozen=True, slots=True)
class ObjectDiff:
    """One object that differs: only on the second side (`create`), only on the first
    (`drop`), or on both with the fields that differ (`alter`). A created or dropped part
    (a column, a grant) carries the fields that describe it, the missing side None."""

    object: ObjectRef
    action: DiffAction
    fields: tuple[FieldChange, ...] = ()
    # What a comment or a privilege is on (a table, a column, a function ...), when the
    # snapshot has it: read from the catalog's own link (class, oid, sub-id), never a name.
    on: ObjectRef | None = None

    @property
    def kind(self) -> str:
        return self.object.kind

    @property
    def key(self) -> str:
        return self.object.key

    @property
    def noun(self) -> str:
        return self.object.noun

    def changed(self, field: str) -> FieldChange | None:
        return next((f for f in self.fields if f.field == field), None)


def object_diffs(
    a: CatalogSnapshot, b: CatalogSnapshot, *, ignore: Iterable[str] = ()
) -> list[ObjectDiff]:
    """What differs going from `a` to `b`, kind by kind in reporting order, keys sorted;
    empty when they are the same schema.

    :param ignore: kinds to skip, e.g. ``("dependencies",)`` or ``("privileges",)``.
    """
    skipped = NOT_COMPARED | set(ignore)
    out: list[ObjectDiff] = []
    owners = _Owners(a, b)
    for kind in KINDS:
        if kind not in skipped:
            out += _kind_diffs(kind, getattr(a, kind), getattr(b, kind), owners)
    return out


def without_parts_of_new(diffs: Iterable[ObjectDiff]) -> list[ObjectDiff]:
    """`diffs` less those about a part of an object created or dropped whole (a created
    table's columns and grants, a dropped function's comment): the whole says it all, and
    a plan creating a thousand tables need not carry their every column."""
    kept = list(diffs)
    whole = {(d.kind, d.key) for d in kept if d.action != "alter"}
    return [d for d in kept if not any(w in whole for w in _wholes(d))]


def _wholes(diff: ObjectDiff) -> list[tuple[str, str]]:
    ref = diff.on if diff.kind in ("comments", "privileges") and diff.on else diff.object
    out = [(ref.kind, ref.key)] if ref is not diff.object else []
    table = ref.named("table")
    if ref.kind in ("columns", "constraints", "indexes") and table:
        out.append(("relations", f"{ref.named('schema')}.{table}"))
    if ref.kind == "views":
        out.append(("relations", ref.key))
    return out


def _kind_diffs(
    kind: str, left: tuple[Any, ...], right: tuple[Any, ...], owners: _Owners
) -> Iterator[ObjectDiff]:
    a = {item.key: item for item in left}
    b = {item.key: item for item in right}
    described = _DESCRIBED_BY.get(kind, ())
    for key in sorted(a.keys() - b.keys()):
        row = a[key]
        fields = tuple(FieldChange(f, getattr(row, f), None) for f in described)
        yield ObjectDiff(_ref(kind, row), "drop", fields, owners.of(row, first=True))
    for key in sorted(b.keys() - a.keys()):
        row = b[key]
        fields = tuple(FieldChange(f, None, getattr(row, f)) for f in described)
        yield ObjectDiff(_ref(kind, row), "create", fields, owners.of(row, first=False))
    for key in sorted(a.keys() & b.keys()):
        old, new = a[key], b[key]
        if old == new:
            continue
        fields = tuple(
            FieldChange(f.name, getattr(old, f.name), getattr(new, f.name))
            for f in dataclasses.fields(old)
            if f.compare and getattr(old, f.name) != getattr(new, f.name)
        )
        if fields:
            yield ObjectDiff(_ref(kind, new), "alter", fields, owners.of(new, first=False))


def _ref(kind: str, row: CatalogRow) -> ObjectRef:
    identity = tuple((name, getattr(row, name)) for name in _naming(kind))
    return ObjectRef(kind, row.key, identity)


@cache
def _naming(kind: str) -> tuple[str, ...]:
    """The NAMING fields the rows of a kind have."""
    names = {f.name for f in dataclasses.fields(SNAPSHOT_FIELDS[kind].row)}
    return tuple(name for name in NAMING if name in names)


class _Owners:
    """What a comment or privilege row is on, in the snapshot it was read from; indexed on
    first use (most plans change no comment and no privilege)."""

    def __init__(self, first: CatalogSnapshot, second: CatalogSnapshot) -> None:
        self._snapshots = (first, second)
        self._index: dict[bool, dict[tuple[str, int, int], tuple[str, Any]]] = {}

    def of(self, row: Any, *, first: bool) -> ObjectRef | None:
        catalog = getattr(row, "class_", None)
        if not catalog:
            return None
        index = self._index.get(first)
        if index is None:
            index = self._index[first] = _by_oid(self._snapshots[0 if first else 1])
        found = index.get((catalog, row.objid, row.subid)) or index.get((catalog, row.objid, 0))
        return _ref(*found) if found else None


def _by_oid(snapshot: CatalogSnapshot) -> dict[tuple[str, int, int], tuple[str, Any]]:
    """Every object of the snapshot by (system catalog, oid, sub-id): its kind and row."""
    found: dict[tuple[str, int, int], tuple[str, Any]] = {}
    for field in SNAPSHOT_FIELDS.values():
        if not field.catalog or not field.in_snapshot or not _has_oid(field.row):
            continue  # (columns are named by their table's oid and number, below)
        for row in getattr(snapshot, field.name):
            # A view is a relation too (pg_class): the relation, read first, is kept.
            found.setdefault((field.catalog, row.oid, 0), (field.name, row))
    for column in snapshot.columns:
        found[("pg_class", column.table_oid, column.attnum)] = ("columns", column)
    return found


@cache
def _has_oid(row: type) -> bool:
    return any(f.name == "oid" for f in dataclasses.fields(row))


def compare(a: CatalogSnapshot, b: CatalogSnapshot, *, ignore: Iterable[str] = ()) -> list[str]:
    """What differs going from `a` to `b`, as sentences (see `sentences`)."""
    return sentences(object_diffs(a, b, ignore=ignore))


def sentences(
    diffs: Iterable[ObjectDiff],
    *,
    only: tuple[str, str] = ("only in the first", "only in the second"),
    sides: str = "",
) -> list[str]:
    """Differences as sentences: `<noun> <key>: <only[0]>` (on the first side only),
    `<noun> <key>: <only[1]>`, or `<noun> <key>: <field> <first's> -> <second's><sides>`,
    one per differing field; each caller names the two sides its own way."""
    out: list[str] = []
    for diff in diffs:
        head = f"{diff.noun} {diff.key}"
        if diff.action == "drop":
            out.append(f"{head}: {only[0]}")
        elif diff.action == "create":
            out.append(f"{head}: {only[1]}")
        else:
            out += [
                f"{head}: {f.field} {shown(f.old)} -> {shown(f.new)}{sides}" for f in diff.fields
            ]
    return out


def shown(value: object) -> str:
    """A value as a sentence shows it: repr, folded to one line and capped."""
    text = repr(value)
    if "\n" in str(value) or len(text) > 200:
        text = repr(" ".join(str(value).split()))
        if len(text) > 200:
            text = text[:197] + "..."
    return text
