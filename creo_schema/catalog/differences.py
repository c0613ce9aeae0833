"""Differences between two snapshots, as sentences a reviewer can read.

Objects are matched by their key (schema-qualified name, with the arguments for a function),
then compared field by field; fields declared `compare=False` (oids) are ignored. Privileges,
comments and dependencies are sets: only what one side has and the other lacks is reported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from creo_schema.catalog.reader import KINDS, CatalogSnapshot

# Kinds that are reference data for other modules, not part of the schema's meaning.
NOT_COMPARED = frozenset({"type_refs", "dependencies"})  # dependencies name oids

_SINGULAR = {
    "schemas": "schema",
    "collations": "collation",
    "ranges": "range",
    "rules": "rule",
    "statistics": "statistics",
    "casts": "cast",
    "unmodeled": "unmodeled object",
    "extensions": "extension",
    "enums": "enum",
    "domains": "domain",
    "composite_types": "composite type",
    "sequences": "sequence",
    "relations": "relation",
    "columns": "column",
    "constraints": "constraint",
    "indexes": "index",
    "views": "view",
    "functions": "function",
    "triggers": "trigger",
    "policies": "policy",
    "comments": "comment on",
    "privileges": "privileges",
    "default_privileges": "default privileges",
    "dependencies": "dependency",
    "event_triggers": "event trigger",
    "publications": "publication",
    "publication_tables": "publication table",
    "publication_schemas": "publication schema",
    "foreign_data_wrappers": "foreign data wrapper",
    "foreign_servers": "server",
    "user_mappings": "user mapping",
    "subscriptions": "subscription",
}


def compare(a: CatalogSnapshot, b: CatalogSnapshot, *, ignore: Iterable[str] = ()) -> list[str]:
    """What differs going from `a` to `b`; empty when they are the same schema.

    :param ignore: kinds to skip, e.g. ``("dependencies",)`` or ``("privileges",)``.
    """
    skipped = NOT_COMPARED | set(ignore)
    out: list[str] = []
    for kind in KINDS:
        if kind in skipped:
            continue
        out += _compare_kind(_SINGULAR[kind], getattr(a, kind), getattr(b, kind))
    return out


def _compare_kind(noun: str, left: tuple[Any, ...], right: tuple[Any, ...]) -> list[str]:
    a = {item.key: item for item in left}
    b = {item.key: item for item in right}
    out = [f"{noun} {key}: only in the first" for key in sorted(a.keys() - b.keys())]
    out += [f"{noun} {key}: only in the second" for key in sorted(b.keys() - a.keys())]
    for key in sorted(a.keys() & b.keys()):
        if a[key] == b[key]:
            continue
        for f in dataclasses.fields(a[key]):
            if not f.compare:
                continue
            old, new = getattr(a[key], f.name), getattr(b[key], f.name)
            if old != new:
                out.append(f"{noun} {key}: {f.name} {_show(old)} -> {_show(new)}")
    return out


def _show(value: Any) -> str:
    text = repr(value)
    if "\n" in str(value) or len(text) > 200:
        text = repr(" ".join(str(value).split()))
        if len(text) > 200:
            text = text[:197] + "..."
    return text
