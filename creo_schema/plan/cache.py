"""The desired state, remembered between runs.

Loading schema/ into a shadow is the slowest part of a plan that changes nothing. Its result
depends only on the declared source, the platform prelude, the server's major version, the
managed schemas and the tool and engine versions, so it is kept on disk under a hash of
those and reused when all of them are the same. A damaged or foreign entry is ignored.
Targets' inspections (under their catalog signature) and empty plans (plan/unchanged.py)
are kept the same way. The second opinion's view of the desired state (migra's engine) is
kept as bytes and read back only by the proof, so that a plan which needs no proof never
imports the engine.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from creo_schema import __version__
from creo_schema.catalog.kinds import catalog_revision, revision
from creo_schema.shadow.providers import home_dir

if TYPE_CHECKING:
    from creo_schema.catalog import Inspection, Scope
    from creo_schema.diff.data import DesiredRows
    from creo_schema.source.hints import Rename


@dataclass(frozen=True)
class DesiredState:
    inspected: Inspection
    rows: list[DesiredRows]
    extensions: tuple[str, ...]  # declared in the source: diffed though they live in `extensions`
    renames: tuple[Rename, ...] = ()  # `-- creo:renamed-from` hints of the source
    engine: bytes | None = None  # migra's engine's view of it (diff/engine.py `freeze`)
    engine_fingerprint: str = ""  # of that view: compared first, the view thawed only if it differs
    findings: tuple[Any, ...] = ()  # error-level lint findings of the desired state


@cache
def _engine_version() -> str:
    return metadata.version("results")


# The classes a stored entry is made of, beyond the catalog's rows: an entry made while any
# of them had other fields would not read back as one of today's.
def _stored_classes() -> tuple[type, ...]:
    from creo_schema.catalog import CatalogSnapshot, Inspection
    from creo_schema.diff.data import DeclaredData, DesiredRows
    from creo_schema.source.finding import Finding
    from creo_schema.source.hints import Rename

    return (
        DesiredState,
        Inspection,
        CatalogSnapshot,
        DesiredRows,
        DeclaredData,
        Rename,
        Finding,
    )


@cache
def cache_revision() -> str:
    """What makes an entry stale within one version of the tool and of the engine: a hash
    of what an inspection reads and keeps (catalog/kinds.py `catalog_revision`: the queries
    and the row classes' fields), of the code that turns rows into a snapshot (catalog/'s
    modules: expressions reprinted, scope rules, the digest) and of the fields of every
    class an entry holds. Never bumped by hand: an entry made by an older rule is never
    reused."""
    folder = resources.files("creo_schema.catalog")
    modules = [
        (f"catalog/{item.name}", item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".py")
    ]
    return revision([("catalog", catalog_revision()), *modules], _stored_classes())


def cache_key(*parts: object) -> str:
    fixed = (__version__, _engine_version(), cache_revision())
    text = "\0".join(str(p) for p in (*fixed, *parts))
    return hashlib.sha256(text.encode()).hexdigest()


KEEP_FILES = 40  # the newest entries; older ones are removed as new ones are written


def _path(key: str, kind: str = "desired") -> Path:
    return home_dir() / "cache" / f"{kind}-{key[:32]}.pickle"


def load(key: str) -> DesiredState | None:
    stored = _read(_path(key), key)
    if stored is None or len(stored) != 1 or not isinstance(stored[0], DesiredState):
        return None
    state: DesiredState = stored[0]
    return state


def store(key: str, state: DesiredState) -> None:
    _write(_path(key), (key, state))


def target_key(signature: str, scope: Scope) -> str:
    """The key of a target's inspection: its catalog signature, and what was inspected (the
    managed roles and subscriptions; the platform, which decides which database-level
    objects are its own)."""
    return cache_key(
        "target",
        signature,
        scope.schemas,
        scope.extensions,
        scope.roles,
        scope.platform,
        scope.subscriptions,
    )


def load_target(key: str) -> Inspection | None:
    """A target's inspection, keyed by its catalog signature (catalog/signature.sql)."""
    stored = _read(_path(key, "target"), key)
    return stored[0] if stored is not None else None


def store_target(key: str, inspected: Inspection) -> None:
    _write(_path(key, "target"), (key, inspected))


def read_entry(kind: str, key: str) -> tuple[Any, ...] | None:
    """Any other kind of entry: the values stored with `write_entry`, or None."""
    return _read(_path(key, kind), key)


def write_entry(kind: str, key: str, values: tuple[Any, ...]) -> None:
    _write(_path(key, kind), (key, *values))


_DAMAGED = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    ValueError,
    TypeError,
    AttributeError,
    ImportError,
)


def _read(path: Path, key: str) -> tuple[Any, ...] | None:
    """The entry's values after its key, or None when missing, foreign or damaged."""
    # Unpickling makes a whole inspection's objects, none in a cycle: the collector's passes
    # over them, as they pile up, took longer than the unpickling (1.25 s against 0.46 s
    # for a thousand tables' target).
    collecting = gc.isenabled()
    gc.disable()
    try:
        stored_key, *values = pickle.loads(path.read_bytes())
        found = values if stored_key == key else None
    except _DAMAGED:
        return None
    finally:
        if collecting:
            gc.enable()
    return tuple(found) if found is not None else None


def _write(path: Path, value: object) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=5)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(payload)
        os.replace(handle.name, path)  # atomic: a concurrent reader sees old or new, whole
        entries = sorted(
            path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP_FILES:]:
            old.unlink(missing_ok=True)
