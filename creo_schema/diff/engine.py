"""migra's engine (`results.dbdiff`), restricted to the managed schemas.

This is the only module that imports `results`. Inspection reads every schema; we keep the
objects of the managed schemas, plus the extensions the source declares (they live in the
platform's `extensions` schema, yet the app's indexes need them), plus the triggers on
platform tables that call the app's functions. An extension the source does not declare is
the platform's business: never created, changed or dropped here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import pickle
from dataclasses import dataclass
from typing import Any

import pglast

from creo_schema.diff import _fast_import

_fast_import.prepare()

from results.dbdiff import Migration  # noqa: E402 - after the fast-import preparation
from results.schemainspect import PostgreSQL  # noqa: E402

from creo_schema.catalog import KINDS as CATALOG_KINDS  # noqa: E402
from creo_schema.catalog import snapshot  # noqa: E402
from creo_schema.diff.fixes import apply_fixes  # noqa: E402
from creo_schema.errors import DatabaseError  # noqa: E402


@dataclass(frozen=True)
class Inspected:
    """A database's schema as the engine sees it, already restricted to what we manage."""

    engine: Any  # results' PostgreSQL inspector
    server_major: int
    fingerprint: str
    # Our own CatalogSnapshot of the same schemas: what the engine cannot see (comments,
    # most privileges, domains, ...) is planned from it by the fix-ups and is part of the
    # fingerprint, so that verification and drift checks see it too.
    catalog: Any = None
    catalog_digest: str = ""  # of `catalog` (catalog_digest()), what the quick proof compares


def inspect(conn: Any, managed_schemas: tuple[str, ...], extensions: tuple[str, ...]) -> Inspected:
    try:
        with conn.cursor() as cursor:
            engine = PostgreSQL(cursor)
    except Exception as error:
        raise DatabaseError(f"inspecting the database failed: {error}") from error
    finally:
        if not conn.autocommit:
            conn.rollback()
    _restrict(engine, set(managed_schemas), set(extensions))
    catalog = managed_catalog(conn, managed_schemas, extensions)
    digest = catalog_digest(catalog)
    return Inspected(engine, engine.pg_version, _fingerprint(engine, digest), catalog, digest)


def managed_catalog(
    conn: Any, managed_schemas: tuple[str, ...], extensions: tuple[str, ...]
) -> Any:
    """Our catalog snapshot of the managed schemas, with the declared extensions only.

    The snapshot lists every installed extension; the platform's own (pg_graphql, vault, ...)
    are not ours to compare, as the engine's view leaves them out too.
    """
    catalog = snapshot(conn, managed_schemas)
    declared = set(extensions)
    return dataclasses.replace(
        catalog, extensions=tuple(e for e in catalog.extensions if e.name in declared)
    )


# Kinds left out of the fingerprint: dependencies follow from the rest, type_refs serve typegen.
_UNFINGERPRINTED_KINDS = ("dependencies", "type_refs")
# A column's position is left out, as the engine leaves it out: a column added by a
# migration lands last, whatever its place in schema/.
_UNFINGERPRINTED_FIELDS = frozenset({"position"})


def catalog_digest(catalog: Any) -> str:
    """SHA-256 of the compared fields of our catalog snapshot (oids and positions left out).

    The hashed text is `json.dumps({kind: sorted rows}, sort_keys=True)`, each row the list
    of its compared values and rows sorted by their own JSON; it is fed to the hash kind by
    kind rather than built whole, which at thousands of tables was tens of MiB at once.
    Rows hold only scalars and lists, so a row's own JSON is its text inside the whole.
    """
    digest = hashlib.sha256(b"{")
    kinds = sorted(k for k in CATALOG_KINDS if k not in _UNFINGERPRINTED_KINDS)
    for number, kind in enumerate(kinds):
        items = getattr(catalog, kind)
        names = (
            [
                f.name
                for f in dataclasses.fields(items[0])
                if f.compare and f.name not in _UNFINGERPRINTED_FIELDS
            ]
            if items
            else []
        )
        rows = sorted(
            json.dumps([getattr(item, name) for name in names], default=str) for item in items
        )
        separator = ", " if number else ""
        digest.update(f"{separator}{json.dumps(kind)}: [{', '.join(rows)}]".encode())
    digest.update(b"}")
    return digest.hexdigest()


def _fingerprint(engine: Any, catalog_digest: str = "") -> str:
    """SHA-256 of the engine's serialized view of the schema.

    results' own `SchemaDefinition.fingerprint()` fails on the tuple keys some categories use
    (privileges), so keys are stringified first.
    """
    canonical = json.dumps(
        _string_keys(engine.as_definition().to_dict()), sort_keys=True, default=str
    )
    return hashlib.sha256((canonical + catalog_digest).encode()).hexdigest()


def _string_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_string_keys(v) for v in value]
    return value


def _restrict(engine: Any, schemas: set[str], extensions: set[str]) -> None:
    for name, objects in list(vars(engine).items()):
        if not isinstance(objects, dict):
            continue
        if name == "extensions":
            kept = {k: v for k, v in objects.items() if v.name in extensions}
        elif name == "triggers":
            # A trigger on a platform table (auth.users) that calls one of our functions is
            # ours: the app declares it, and dropping the function needs it gone first.
            kept = {
                k: v for k, v in objects.items() if v.schema in schemas or v.proc_schema in schemas
            }
        else:
            kept = {k: v for k, v in objects.items() if getattr(v, "schema", None) in schemas}
        setattr(engine, name, kept)


def freeze(inspected: Inspected) -> bytes:
    """The inspection as bytes, for the desired-state cache (no connection kept)."""
    engine = inspected.engine
    connection, engine.c = engine.c, None
    try:
        return pickle.dumps(
            (
                inspected.server_major,
                inspected.fingerprint,
                engine,
                inspected.catalog,
                inspected.catalog_digest,
            ),
            protocol=5,
        )
    finally:
        engine.c = connection


def thaw(frozen: bytes) -> Inspected:
    major, fingerprint, engine, catalog, digest = pickle.loads(frozen)
    return Inspected(engine, major, fingerprint, catalog, digest)


def table_names(inspected: Inspected) -> set[str]:
    """Unquoted `schema.table` of every table (partitioned ones included)."""
    return {f"{t.schema}.{t.name}" for t in inspected.engine.tables.values()}


def column_types(inspected: Inspected) -> dict[str, str]:
    """`schema.table.column` -> the column's type, as format_type() writes it."""
    if inspected.catalog is None:
        return {}
    return {f"{c.schema}.{c.table}.{c.name}": c.type for c in inspected.catalog.columns}


def changes(current: Inspected, desired: Inspected) -> list[str]:
    """The statements that take `current` to `desired`, in dependency order."""
    migration = Migration(current.engine, desired.engine)
    migration.set_safety(False)
    migration.add_all_changes_ordered(privileges=True)
    statements: list[str] = []
    for chunk in migration.statements:
        statements += _split(chunk)
    return apply_fixes(statements, current, desired)


def _split(chunk: str) -> list[str]:
    """The engine sometimes emits several statements in one chunk; keep one per entry."""
    text = chunk.strip()
    if not text:
        return []
    try:
        parts = [part.strip() for part in pglast.split(text)]
    except Exception:
        return [text.rstrip(";")]
    return [part for part in parts if part]
