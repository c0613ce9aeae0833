"""The catalog digest is part of every plan's fingerprints: its text must never change."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from creo_schema.catalog import KINDS, catalog_digest
from creo_schema.catalog.model import Column, Comment, Enum, Policy
from creo_schema.catalog.reader import CatalogSnapshot


def _reference(catalog: Any) -> str:
    """The digest as first defined: the whole canonical JSON, then hashed."""
    parts = {}
    for kind in KINDS:
        if kind in ("dependencies", "type_refs"):
            continue
        rows = [
            [
                getattr(item, f.name)
                for f in dataclasses.fields(item)
                if f.compare and f.name != "position"
            ]
            for item in getattr(catalog, kind)
        ]
        parts[kind] = sorted(rows, key=lambda row: json.dumps(row, default=str))
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _snapshot(**kinds: tuple[Any, ...]) -> CatalogSnapshot:
    values: dict[str, Any] = {kind: () for kind in KINDS}
    values.update(kinds)
    return CatalogSnapshot(
        server_version=180000, current_user="postgres", schema_names=("public",), **values
    )


def _column(table: str, name: str, position: int, kind: str = "text") -> Column:
    return Column(
        "public",
        table,
        name,
        position,
        kind,
        False,
        None,
        "",
        "",
        None,
        None,
        None,
        None,
        False,
        None,
        type_oid=25,
    )


def test_the_digest_is_the_reference_one() -> None:
    catalog = _snapshot(
        columns=(_column("b", "x", 2), _column("a", "y", 1, "numeric(10,2)"), _column("a", "é", 3)),
        enums=(Enum("public", "mood", ("calm", "busy"), "postgres"),),
        policies=(Policy("public", "a", "p", True, "r", ("authenticated",), "(x > 0)", None),),
        comments=(Comment("table", "public.a", 'quoted "text"\nand a line'),),
    )
    assert catalog_digest(catalog) == _reference(catalog)
    assert catalog_digest(_snapshot()) == _reference(_snapshot())


def test_the_digest_ignores_order_and_position_but_not_content() -> None:
    one = _snapshot(columns=(_column("a", "x", 1), _column("a", "y", 2)))
    other = _snapshot(columns=(_column("a", "y", 1), _column("a", "x", 2)))
    changed = _snapshot(columns=(_column("a", "x", 1), _column("a", "y", 2, "integer")))
    assert catalog_digest(one) == catalog_digest(other)
    assert catalog_digest(one) != catalog_digest(changed)
