"""A database's managed schemas, read and fingerprinted: what plans, proofs and applies compare.

`inspect` reads our catalog snapshot of the managed schemas with the declared extensions
and those in a managed schema (the platform's own extensions are not ours to compare), and
digests it. The digest
is the schema's fingerprint: a plan records the target's, apply refuses when it moved, the
proof compares each step's against its goal.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from creo_schema.catalog.model import Role, RoleMembership, Unmanaged
from creo_schema.catalog.reader import KINDS, CatalogSnapshot, snapshot
from creo_schema.db import Connection

# Kinds left out of the digest: dependencies follow from the rest, type_refs serve typegen.
_UNDIGESTED_KINDS = ("dependencies", "type_refs")
# A column's position is left out: a column added by a migration lands last, whatever its
# place in schema/, and nothing about the schema's meaning depends on it.
_UNDIGESTED_FIELDS = frozenset({"position"})


@dataclass(frozen=True, slots=True)
class Scope:
    """What an inspection reads: every read of a database a plan compares uses one."""

    schemas: tuple[str, ...]  # the managed schemas
    # Declared extensions: read wherever they are installed (those in a managed schema are
    # read anyway: schema/ must declare them, or the plan drops them).
    extensions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # the managed roles (roles as code), read with their digest
    platform: str = "supabase"  # decides which database-level objects are the platform's
    subscriptions: tuple[str, ...] = ()  # the managed ones, by name

    def without_roles(self) -> Scope:
        """The schemas alone: a shadow's roles are its shared server's (plan/verify.py
        proves the managed roles apart)."""
        return dataclasses.replace(self, roles=())


@dataclass(frozen=True)
class Inspection:
    """A database's schema as this tool sees it, restricted to what it manages.

    `schema_digest` covers the managed schemas (and database-level objects); with managed
    roles, `roles_digest` covers them, and the digest (the fingerprint) both. The proof
    compares schema digests (the shadow's roles are the shared server's: plan/verify.py
    proves the roles apart), everything else the whole digest.
    """

    catalog: CatalogSnapshot
    schema_digest: str
    roles_digest: str = ""  # "" when no role is managed

    @property
    def digest(self) -> str:
        if not self.roles_digest:
            return self.schema_digest
        return hashlib.sha256(f"{self.schema_digest}:{self.roles_digest}".encode()).hexdigest()

    @property
    def fingerprint(self) -> str:
        return self.digest

    @property
    def server_major(self) -> int:
        return self.catalog.server_version // 10000


def inspect(conn: Connection, scope: Scope) -> Inspection:
    """The inspection of the managed schemas, and of the managed roles when there are."""
    catalog = managed_catalog(conn, scope)
    inspected = Inspection(catalog, catalog_digest(catalog))
    if not scope.roles:
        return inspected
    from creo_schema.catalog.roles import read_roles

    try:
        found, memberships = read_roles(conn, scope.roles, catalog.current_user)
    finally:
        if not conn.autocommit:
            conn.rollback()
    return with_roles(inspected, found, memberships)


def with_roles(
    inspected: Inspection, roles: Iterable[Role], memberships: Iterable[RoleMembership]
) -> Inspection:
    """`inspected` with these managed roles and memberships, digested."""
    catalog = dataclasses.replace(
        inspected.catalog, roles=tuple(roles), role_memberships=tuple(memberships)
    )
    rows = sorted(json.dumps(["role", *dataclasses.astuple(r)]) for r in catalog.roles)
    rows += sorted(
        json.dumps(["membership", *dataclasses.astuple(m)]) for m in catalog.role_memberships
    )
    digest = hashlib.sha256("\n".join(["roles", *rows]).encode()).hexdigest()
    return Inspection(catalog, inspected.schema_digest, digest)


def managed_catalog(conn: Connection, scope: Scope) -> CatalogSnapshot:
    """Our catalog snapshot of the managed schemas, with the declared extensions and those
    installed in a managed schema (which schema/ must declare, or the plan drops), and the
    managed `subscriptions`.

    The snapshot lists every installed extension; the platform's own (pg_graphql, vault, ...
    in schemas of their own) are not ours to compare. It lists every subscription too: a
    subscription has no schema, and one is managed by name, when schema/ declares it or the
    last migration applied managed it (Plan.subscriptions). Any other is named, in the
    plan's warnings, and never touched.
    """
    return managed_part(snapshot(conn, scope.schemas, platform=scope.platform), scope)


def managed_part(catalog: CatalogSnapshot, scope: Scope) -> CatalogSnapshot:
    """What of a snapshot of `scope.schemas` a plan manages (see `managed_catalog`)."""
    declared, managed = set(scope.extensions), set(scope.schemas)
    kept = tuple(e for e in catalog.extensions if e.name in declared or e.schema in managed)
    others = {e.oid for e in catalog.extensions} - {e.oid for e in kept}
    wanted = set(scope.subscriptions)
    return dataclasses.replace(
        catalog,
        extensions=kept,
        comments=tuple(
            c for c in catalog.comments if not (c.class_ == "pg_extension" and c.objid in others)
        ),
        subscriptions=tuple(s for s in catalog.subscriptions if s.name in wanted),
        unmanaged=catalog.unmanaged
        + tuple(
            Unmanaged("subscription", s.name, "schema/ does not declare it")
            for s in catalog.subscriptions
            if s.name not in wanted
        ),
    )


def catalog_digest(catalog: CatalogSnapshot) -> str:
    """SHA-256 of the compared fields of our catalog snapshot (oids and positions left out).

    The hashed text is `json.dumps({kind: sorted rows}, sort_keys=True)`, each row the list
    of its compared values and rows sorted by their own JSON; it is fed to the hash kind by
    kind rather than built whole, which at thousands of tables was tens of MiB at once.
    Rows hold only scalars and lists, so a row's own JSON is its text inside the whole.
    """
    digest = hashlib.sha256(b"{")
    kinds = sorted(k for k in KINDS if k not in _UNDIGESTED_KINDS)
    for number, kind in enumerate(kinds):
        items = getattr(catalog, kind)
        names = (
            [
                f.name
                for f in dataclasses.fields(items[0])
                if f.compare and f.name not in _UNDIGESTED_FIELDS
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
