"""Our own snapshot of a database's schema (DESIGN.md, "Inspect").

`snapshot(conn, schemas)` reads everything in one round trip into frozen dataclasses;
`compare(a, b)` lists the differences as sentences. Verification, lint, type generation and
health read the catalog through here.
"""

from creo_schema.catalog.differences import compare
from creo_schema.catalog.reader import KINDS, CatalogSnapshot, snapshot

__all__ = ["KINDS", "CatalogSnapshot", "compare", "snapshot"]
