"""migra's engine (`results.dbdiff`): the independent second opinion on every proven plan.

Our own differ (differ.py) plans; after the proof has run a plan, this engine inspects the
proven database and must see exactly the desired state too. A disagreement means one of the
two reads something the other does not: the plan is refused and the object named.

This is the only module that imports `results`. Its inspection reads every schema; we keep
the objects of the managed schemas, the extensions the source declares, and the triggers on
platform tables that call the app's functions.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from dataclasses import dataclass
from typing import Any

import pglast

from creo_schema.db import Connection
from creo_schema.diff import _fast_import

_fast_import.prepare()

from results.dbdiff import Migration  # noqa: E402 - after the fast-import preparation
from results.schemainspect import PostgreSQL  # noqa: E402
from results.schemainspect.expression import normalize_pg_expression  # noqa: E402

from creo_schema.catalog import inspect  # noqa: E402  (re-exported for older callers)


class EngineUnavailable(Exception):
    """The engine could not read a database (it fails on some kinds, e.g. partitions)."""


@dataclass(frozen=True)
class EngineView:
    inspector: PostgreSQL  # restricted to what we manage
    fingerprint: str


def engine_view(
    conn: Connection, managed_schemas: tuple[str, ...], extensions: tuple[str, ...]
) -> EngineView:
    try:
        with conn.cursor() as cursor:
            inspector = PostgreSQL(cursor)
        _restrict(inspector, set(managed_schemas), set(extensions))
        _unordered(inspector)
        _one_form(inspector)
        fingerprint = _fingerprint(inspector)
    except Exception as error:  # the engine's own failures, whatever they are
        raise EngineUnavailable(
            f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        ) from error
    finally:
        if not conn.autocommit:
            conn.rollback()
    return EngineView(inspector, fingerprint)


def engine_statements(current: EngineView, desired: EngineView) -> list[str]:
    """What the engine would run to take `current` to `desired` (empty when it agrees)."""
    try:
        migration = Migration(current.inspector, desired.inspector)
        migration.set_safety(False)
        migration.add_all_changes_ordered(privileges=True)
        statements = [s for chunk in migration.statements for s in _split(chunk)]
    except Exception as error:
        raise EngineUnavailable(f"{type(error).__name__}: {error}") from error
    return statements


def _fingerprint(inspector: PostgreSQL) -> str:
    """SHA-256 of the engine's serialized view of the schema.

    results' own `SchemaDefinition.fingerprint()` fails on the tuple keys some categories use
    (privileges), so keys are stringified first.
    """
    canonical = json.dumps(
        _string_keys(inspector.as_definition().to_dict()), sort_keys=True, default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _string_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_string_keys(v) for v in value]
    return value


def _restrict(engine: PostgreSQL, schemas: set[str], extensions: set[str]) -> None:
    for name, objects in list(vars(engine).items()):
        if not isinstance(objects, dict):
            continue
        if name == "extensions":
            kept = {k: v for k, v in objects.items() if v.name in extensions}
        elif name == "triggers":
            # A trigger on a platform table (auth.users) that calls one of our functions is
            # ours: the app declares it.
            kept = {
                k: v for k, v in objects.items() if v.schema in schemas or v.proc_schema in schemas
            }
        else:
            kept = {k: v for k, v in objects.items() if getattr(v, "schema", None) in schemas}
        setattr(engine, name, kept)


def _unordered(engine: PostgreSQL) -> None:
    """Sort what the engine compares as lists but PostgreSQL treats as sets: a policy's
    roles and a relation's options (`security_invoker`, `security_barrier`, ...). The order
    they are stored in is the order of the statements that set them, which means nothing;
    our catalog compares them sorted, and so must the second opinion."""
    # `relations` holds every table, view and materialized view; functions, which the
    # engine also counts as selectables, have no such lists.
    for name in ("rlspolicies", "relations"):
        for item in getattr(engine, name, {}).values():
            for field in ("roles", "options"):
                value = getattr(item, field, None)
                if isinstance(value, list):
                    setattr(item, field, sorted(value))


def _one_form(engine: PostgreSQL) -> None:
    """Bring view queries and triggers' WHEN to one form, as the engine
    already does for constraints, indexes and policies: an IN-list over varchar prints as
    `(ARRAY['a'::character varying])::text[]` when written so, and reads back from that print
    as `ARRAY[('a'::character varying)::text]`; a plan's CREATE runs the print, so the
    migrated database and the desired one hold the two forms of one expression. The engine
    reads a view's query in the pretty print, without the parentheses."""
    for item in getattr(engine, "relations", {}).values():
        if isinstance(getattr(item, "definition", None), str):
            item.definition = _PRETTY_CAST_ARRAY.sub(_cast_each, item.definition)
    for item in getattr(engine, "triggers", {}).values():
        item.full_definition = normalize_pg_expression(item.full_definition)


_TYPE = r"[a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?"
_LITERAL = rf"'(?:[^']|'')*'::{_TYPE}"
# `ARRAY['a'::character varying, 'b'::character varying]::text[]`, as the pretty print has it
_PRETTY_CAST_ARRAY = re.compile(rf"ARRAY\[({_LITERAL}(?:, {_LITERAL})*)\]::({_TYPE})\[\]")


def _cast_each(match: re.Match[str]) -> str:
    """... as `ARRAY['a'::character varying::text, 'b'::character varying::text]`."""
    items = re.findall(_LITERAL, match[1])
    return "ARRAY[" + ", ".join(f"{item}::{match[2]}" for item in items) + "]"


def freeze(view: EngineView) -> bytes:
    """The view as bytes, for the desired-state cache (no connection kept)."""
    inspector = view.inspector
    connection, inspector.c = inspector.c, None
    try:
        return pickle.dumps((inspector, view.fingerprint), protocol=5)
    finally:
        inspector.c = connection


def thaw(frozen: bytes) -> EngineView:
    inspector, fingerprint = pickle.loads(frozen)
    return EngineView(inspector, fingerprint)


def _split(chunk: str) -> list[str]:
    """The engine sometimes emits several statements in one chunk; one per entry."""
    text = chunk.strip()
    if not text:
        return []
    try:
        parts = [part.strip() for part in pglast.split(text)]
    except Exception:
        return [text.rstrip(";")]
    return [part for part in parts if part]


__all__ = [
    "EngineUnavailable",
    "EngineView",
    "engine_statements",
    "engine_view",
    "freeze",
    "inspect",
    "thaw",
]
