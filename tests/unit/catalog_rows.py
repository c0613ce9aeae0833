"""Catalog snapshots made in memory, for diffing with no database (tests/unit/test_kinds_*).

`row(cls, ...)` makes one catalog row with every field not given set to its type's empty
value (owned by `postgres`, in `public`); `snapshot(...)` puts rows into a `CatalogSnapshot`
read by `postgres`, the registry's fields (catalog/kinds.py) empty unless given. A case is
two snapshots and the changes the differ must find between them, as (action, kind, id,
SQL), the SQL left out (None) where it is long; `check` asserts both ways where asked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, NamedTuple, TypeVar

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import SNAPSHOT_FIELDS
from creo_schema.catalog.model import Column, Relation
from creo_schema.diff.change import Change
from creo_schema.diff.differ import diff

USER = "postgres"
T = TypeVar("T")

# A field's value when not given, by its name, before its type's empty value.
_NAMED = {"owner": USER, "schema": "public"}


def _empty(annotation: str) -> Any:
    if annotation.startswith("tuple"):
        return ()
    if "None" in annotation:
        return None
    return {"bool": False, "int": 0, "str": ""}[annotation]


def row(cls: type[T], **given: Any) -> T:
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in given:
            values[f.name] = given[f.name]
        elif f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        elif f.name in _NAMED:
            values[f.name] = _NAMED[f.name]
        else:
            values[f.name] = _empty(str(f.type))
    return cls(**values)


def snapshot(*rows: Any, version: int = 180000) -> CatalogSnapshot:
    """The rows, each into the field of its class (a Publication into `publications`)."""
    by_class = {}
    for field in SNAPSHOT_FIELDS.values():
        by_class.setdefault(field.row, field.name)
    values: dict[str, list[Any]] = {name: [] for name in SNAPSHOT_FIELDS}
    for item in rows:
        values[by_class[type(item)]].append(item)
    return CatalogSnapshot(
        server_version=version,
        current_user=USER,
        schema_names=("public",),
        **{name: tuple(items) for name, items in values.items()},  # type: ignore[arg-type]
    )


def table(name: str, oid: int, **given: Any) -> Relation:
    return row(Relation, name=name, oid=oid, kind="table", replica_identity="default", **given)


def column(
    table_: str, table_oid: int, name: str, type_: str, position: int, **given: Any
) -> Column:
    return row(
        Column,
        table=table_,
        table_oid=table_oid,
        name=name,
        type=type_,
        position=position,
        attnum=position,
        **given,
    )


# Facets every created object has in a real snapshot (its built-in privileges spelled out)
# are left out of these snapshots: the grants and revokes that follow are no kind's own.
FACETS = frozenset({"grant", "revoke"})

Seen = tuple[str, str, str, str | None]


def seen(changes: Iterable[Change], sql: bool = True) -> list[Seen]:
    return [
        (c.action, str(c.kind), c.identity, c.sql if sql else None)
        for c in changes
        if c.operation not in FACETS
    ]


class Case(NamedTuple):
    """Two states and the changes from the first to the second (`up`) and back (`down`,
    when given). An expected SQL of None is not compared."""

    name: str
    before: tuple[Any, ...]
    after: tuple[Any, ...]
    up: list[Seen]
    down: list[Seen] | None = None


def check(case: Case) -> None:
    before, after = snapshot(*case.before), snapshot(*case.after)
    _same(diff(before, after), case.up)
    if case.down is not None:
        _same(diff(after, before), case.down)


def _same(changes: list[Change], expected: list[Seen]) -> None:
    found = seen(changes)
    assert len(found) == len(expected), "\n".join(map(repr, found))
    for got, want in zip(found, expected, strict=True):
        if want[3] is None:
            got = (*got[:3], None)
        assert got == want, "\n".join(map(repr, found))
