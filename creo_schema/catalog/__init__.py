"""Our own snapshot of a database's schema (DESIGN.md, "Inspect").

`snapshot(conn, schemas)` reads everything in one round trip into frozen dataclasses;
`inspect` restricts it to what a plan manages and fingerprints it; `compare(a, b)` lists
the differences as sentences. Planning, verification, lint, type generation and health
read the catalog through here.
"""

from creo_schema.catalog.differences import compare
from creo_schema.catalog.inspection import (
    Inspection,
    Scope,
    catalog_digest,
    inspect,
    managed_catalog,
)
from creo_schema.catalog.reader import KINDS, CatalogSnapshot, snapshot

__all__ = [
    "KINDS",
    "CatalogSnapshot",
    "Inspection",
    "Scope",
    "catalog_digest",
    "compare",
    "inspect",
    "managed_catalog",
    "snapshot",
]
