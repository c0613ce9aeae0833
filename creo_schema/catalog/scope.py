"""Whose each database-level object is: casts, event triggers, publications, foreign-data
wrappers, servers and user mappings have no schema, so the managed schemas alone cannot say.

The rule, the same for the target and for the desired state (schema/ loaded in the shadow):

1. **An extension's own** (its event triggers, postgres_fdw's wrapper) are never read.
2. **The platform's** are never created, altered or dropped, nor named: those owned by a
   platform role (`supabase_admin` and the other `supabase_*` roles, `dashboard_user`,
   `pgbouncer`, `authenticator`: the roles Supabase reserves), and the platform's
   publications by name (`supabase_realtime`, ...). One exception: which tables of the
   managed schemas a platform publication publishes is the app's (the common `alter
   publication supabase_realtime add table public.messages`). Such a publication is kept
   with its name and those tables only (owner, options and comment are the platform's), and
   only while it has any; a plan adds and drops those tables, never the publication.
3. **Managed**, as anything in a managed schema (created, altered and dropped to match
   schema/):
   - an event trigger whose function is in a managed schema;
   - a cast whose source type, target type or function is in a managed schema;
   - a publication whose tables and schemas are all in the managed schemas (FOR ALL TABLES
     included);
   - a wrapper whose handler and validator are built in, an extension's or in a managed
     schema, and whose servers are all managed;
   - a server whose wrapper is managed or an extension's, used by no foreign table outside
     the managed schemas;
   - a user mapping of a managed server.
4. **Anything else is not managed**: left as it is, and named in the snapshot's `unmanaged`
   (the plan's warnings), so that nothing the target has is left out silently: an event
   trigger calling a function in an unmanaged schema, a publication of a platform table, a
   server used by foreign tables in an unmanaged schema.

Comments and privileges of what is not kept are dropped with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from creo_schema.catalog.kinds import SNAPSHOT_FIELDS
from creo_schema.catalog.model import (
    Cast,
    EventTrigger,
    ForeignDataWrapper,
    ForeignServer,
    Publication,
    PublicationSchema,
    PublicationTable,
    Unmanaged,
    UserMapping,
)
from creo_schema.words import plural

if TYPE_CHECKING:
    from creo_schema.catalog.reader import CatalogSnapshot

# Kinds without a schema that the snapshot does not model (catalog/sql/unmodeled.sql): the
# target's are named and left alone, one only schema/ has is refused (diff/differ.py).
UNMODELED_DATABASE_KINDS = frozenset({"access method", "procedural language", "transform"})
PLATFORM_ROLES = frozenset({"dashboard_user", "pgbouncer", "authenticator"})
PLATFORM_ROLE_PREFIX = "supabase_"
PLATFORM_PUBLICATIONS = frozenset({"supabase_realtime", "supabase_realtime_messages_publication"})
# The catalogs of the kinds decided here, as comments and privileges name them.
_CATALOGS = frozenset(f.catalog for f in SNAPSHOT_FIELDS.values() if f.scoped and f.catalog)


def platform_role(name: str) -> bool:
    return name in PLATFORM_ROLES or name.startswith(PLATFORM_ROLE_PREFIX)


def _no_platform_role(name: str) -> bool:
    return False


def _platform_rules(platform: str) -> tuple[Callable[[str], bool], frozenset[str]]:
    """Whose roles and publications are the platform's under the `platform` setting: under
    `none`, nobody's (a role `supabase_x` or a publication `supabase_realtime` is the user's
    on plain PostgreSQL)."""
    if platform == "none":
        return _no_platform_role, frozenset()
    return platform_role, PLATFORM_PUBLICATIONS


def in_scope(snapshot: CatalogSnapshot) -> CatalogSnapshot:
    """The snapshot with only the managed database-level objects (see above), the others
    named in `unmanaged` and the platform's publications in `platform_publications`."""
    managed = set(snapshot.schema_names)
    platform_owned, platform_names = _platform_rules(snapshot.platform)
    notes: list[Unmanaged] = []  # in the order of the rules' kinds, as the plan names them
    event_triggers = _event_triggers(snapshot, managed, notes, platform_owned)
    casts = _casts(snapshot, notes)
    notes += [
        Unmanaged(item.kind, item.name, "creo-schema does not model it")
        for item in snapshot.unmodeled
        if item.kind in UNMODELED_DATABASE_KINDS
    ]
    publications, tables, schemas, platform = _publications(
        snapshot, managed, notes, platform_owned, platform_names
    )
    wrappers, servers = _foreign_data(snapshot, notes, platform_owned)
    mappings = _user_mappings(snapshot, servers, notes, platform_owned)

    kept: set[tuple[str, int]] = set()  # (catalog, oid) of what stays
    kept |= {("pg_event_trigger", t.oid) for t in event_triggers}
    kept |= {("pg_cast", c.oid) for c in casts}
    kept |= {("pg_publication", p.oid) for p in publications if not p.platform}
    kept |= {("pg_foreign_data_wrapper", w.oid) for w in wrappers}
    kept |= {("pg_foreign_server", s.oid) for s in servers}

    def ours(class_: str, objid: int) -> bool:
        return class_ not in _CATALOGS or (class_, objid) in kept

    return dataclasses.replace(
        snapshot,
        event_triggers=tuple(event_triggers),
        casts=tuple(casts),
        publications=tuple(publications),
        publication_tables=tuple(tables),
        publication_schemas=tuple(schemas),
        foreign_data_wrappers=tuple(wrappers),
        foreign_servers=tuple(servers),
        user_mappings=tuple(mappings),
        comments=tuple(c for c in snapshot.comments if ours(c.class_, c.objid)),
        privileges=tuple(p for p in snapshot.privileges if ours(p.class_, p.objid)),
        unmodeled=tuple(u for u in snapshot.unmodeled if u.kind not in UNMODELED_DATABASE_KINDS),
        unmanaged=tuple(notes),
        platform_publications=tuple(platform),
    )


def _event_triggers(
    snapshot: CatalogSnapshot,
    managed: set[str],
    notes: list[Unmanaged],
    platform_owned: Callable[[str], bool],
) -> list[EventTrigger]:
    """The event triggers whose function is in a managed schema; the others not the
    platform's are named in `notes`."""
    kept = []
    for trigger in snapshot.event_triggers:
        if platform_owned(trigger.owner):
            continue
        if trigger.function_schema in managed:
            kept.append(trigger)
        else:
            notes.append(
                Unmanaged(
                    "event trigger",
                    trigger.name,
                    f"its function {trigger.function} is outside the managed schemas",
                )
            )
    return kept


def _casts(snapshot: CatalogSnapshot, notes: list[Unmanaged]) -> list[Cast]:
    """The managed casts; the others are named in `notes`."""
    notes.extend(
        Unmanaged("cast", c.key, "its types and function are outside the managed schemas")
        for c in snapshot.casts
        if not c.managed
    )
    return [c for c in snapshot.casts if c.managed]


def _user_mappings(
    snapshot: CatalogSnapshot,
    servers: list[ForeignServer],
    notes: list[Unmanaged],
    platform_owned: Callable[[str], bool],
) -> list[UserMapping]:
    """The user mappings of managed servers; those of other servers not the platform's
    are named in `notes`."""
    server_oids = {s.oid for s in servers}
    mappings = []
    for mapping in snapshot.user_mappings:
        if mapping.server_oid in server_oids:
            mappings.append(mapping)
        elif any(
            s.oid == mapping.server_oid and not platform_owned(s.owner)
            for s in snapshot.foreign_servers
        ):
            notes.append(
                Unmanaged(
                    "user mapping",
                    f"for {mapping.user} server {mapping.server}",
                    f"its server {mapping.server} is not managed",
                )
            )
    return mappings


_Publications = tuple[
    list[Publication], list[PublicationTable], list[PublicationSchema], list[Publication]
]


def _publications(
    snapshot: CatalogSnapshot,
    managed: set[str],
    notes: list[Unmanaged],
    platform_owned: Callable[[str], bool],
    platform_names: frozenset[str],
) -> _Publications:
    """(managed publications and platform ones with managed members, their tables, their
    schemas, the platform's publications as they are)."""
    tables_of: dict[int, list[PublicationTable]] = {}
    for table in snapshot.publication_tables:
        tables_of.setdefault(table.publication_oid, []).append(table)
    schemas_of: dict[int, list[PublicationSchema]] = {}
    for schema in snapshot.publication_schemas:
        schemas_of.setdefault(schema.publication_oid, []).append(schema)
    publications: list[Publication] = []
    tables: list[PublicationTable] = []
    schemas: list[PublicationSchema] = []
    platform: list[Publication] = []
    for item in snapshot.publications:
        members = tables_of.get(item.oid, [])
        spaces = schemas_of.get(item.oid, [])
        if item.name in platform_names or platform_owned(item.owner):
            platform.append(item)
            members = [t for t in members if t.schema in managed]
            spaces = [s for s in spaces if s.schema in managed]
            if members or spaces:
                # Only its membership is ours: the rest is the platform's, left out.
                publications.append(
                    dataclasses.replace(
                        item,
                        owner="",
                        all_tables=False,
                        publish=(),
                        via_root=False,
                        generated_columns="",
                        platform=True,
                    )
                )
                tables += members
                schemas += spaces
            continue
        outside = sorted(
            {f"{t.schema}.{t.table}" for t in members if t.schema not in managed}
            | {f"schema {s.schema}" for s in spaces if s.schema not in managed}
        )
        if outside:
            notes.append(
                Unmanaged(
                    "publication",
                    item.name,
                    f"it publishes {', '.join(outside)}, outside the managed schemas",
                )
            )
            continue
        publications.append(item)
        tables += members
        schemas += spaces
    return publications, tables, schemas, platform


def _foreign_data(
    snapshot: CatalogSnapshot, notes: list[Unmanaged], platform_owned: Callable[[str], bool]
) -> tuple[list[ForeignDataWrapper], list[ForeignServer]]:
    blocked = {
        s.oid for s in snapshot.foreign_servers if platform_owned(s.owner) or s.outside_tables
    }
    wrappers = []
    for wrapper in snapshot.foreign_data_wrappers:
        if platform_owned(wrapper.owner):
            continue
        reason = ""
        if not wrapper.functions_visible:
            reason = "its handler or validator is outside the managed schemas"
        else:
            stuck = [
                s.name
                for s in snapshot.foreign_servers
                if s.wrapper_oid == wrapper.oid and s.oid in blocked
            ]
            if stuck:
                reason = f"its server {', '.join(stuck)} is not managed"
        if reason:
            notes.append(Unmanaged("foreign data wrapper", wrapper.name, reason))
        else:
            wrappers.append(wrapper)
    wrapper_oids = {w.oid for w in wrappers}
    servers = []
    for server in snapshot.foreign_servers:
        if platform_owned(server.owner):
            continue
        if server.outside_tables:
            reason = (
                f"foreign tables outside the managed schemas use it "
                f"({', '.join(server.outside_tables)})"
            )
        elif server.wrapper_oid not in wrapper_oids and server.wrapper_extension is None:
            reason = f"its foreign data wrapper {server.wrapper} is not managed"
        else:
            servers.append(server)
            continue
        notes.append(Unmanaged("server", server.name, reason))
    return wrappers, servers


def unmanaged_notes(current: CatalogSnapshot, desired: CatalogSnapshot) -> tuple[str, ...]:
    """One sentence per object of these kinds that a plan leaves alone and does not own
    (rule 4 above): the target's, then those only schema/ declares."""
    out = [
        f"{item.kind} {item.name} on the target is not managed ({item.reason}): left as it is"
        for item in current.unmanaged
    ]
    seen = {item.key for item in current.unmanaged}
    out += [
        f"{item.kind} {item.name} in schema/ is not managed ({item.reason}): not planned"
        for item in desired.unmanaged
        if item.key not in seen
    ]
    return tuple(out)


def server_option_notes(current: CatalogSnapshot) -> tuple[str, ...]:
    """One sentence per attribute option the target's server stamped on its columns itself
    (model.USER_COLUMN_OPTIONS): named once with how many columns carry it, never compared."""
    counts: dict[str, int] = {}
    for column in current.columns:
        for name in column.server_options:
            counts[name] = counts.get(name, 0) + 1
    return tuple(
        f"column option {name} on {plural(count, 'column')} of the target is "
        "the server's own stamp, not a setting of schema/: not compared"
        for name, count in sorted(counts.items())
    )
