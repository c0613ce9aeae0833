"""Read a database's schema in one round trip.

Each kind's query lives in `sql/<kind>.sql`; they are joined into one statement that returns
one row with one JSON value per kind, all filtered through the `target_ns` CTE (the schemas
asked for). JSON keeps the cost close to the raw catalog read: the server encodes each kind
as one array per field (see `snapshot_sql`), psycopg parses it with the C json module, and
each row becomes a dataclass with no mapping code, because the query's column names are the
dataclass's field names.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import psycopg

from creo_schema.catalog.kinds import SNAPSHOT_FIELDS, SNAPSHOT_KINDS
from creo_schema.catalog.model import (
    Cast,
    Collation,
    Column,
    Comment,
    CompositeType,
    Constraint,
    DefaultPrivilege,
    Dependency,
    Domain,
    Enum,
    EventTrigger,
    Extension,
    ForeignDataWrapper,
    ForeignServer,
    Function,
    Index,
    Policy,
    Privilege,
    Publication,
    PublicationSchema,
    PublicationTable,
    Range,
    Relation,
    Role,
    RoleMembership,
    Rule,
    Schema,
    Sequence,
    Statistics,
    Subscription,
    Trigger,
    TypeRef,
    Unmanaged,
    Unmodeled,
    UserMapping,
    View,
)
from creo_schema.catalog.reprint import reprinted
from creo_schema.catalog.scope import in_scope
from creo_schema.catalog.versioned import for_server
from creo_schema.db import Connection, one_row
from creo_schema.errors import DatabaseError

# Kind name (query file and snapshot field) -> the class of its rows, in reporting order
# (catalog/kinds.py).
KINDS: dict[str, type] = SNAPSHOT_KINDS


@dataclass(frozen=True, slots=True)
class CatalogSnapshot:
    """Everything in the given schemas that a schema change can touch."""

    server_version: int
    current_user: str  # the role that read it: who owns what a plan run as it creates
    schema_names: tuple[str, ...]  # the schemas asked for
    schemas: tuple[Schema, ...]  # those of them that exist
    extensions: tuple[Extension, ...]
    collations: tuple[Collation, ...]
    enums: tuple[Enum, ...]
    domains: tuple[Domain, ...]
    composite_types: tuple[CompositeType, ...]
    ranges: tuple[Range, ...]
    sequences: tuple[Sequence, ...]
    relations: tuple[Relation, ...]
    columns: tuple[Column, ...]
    constraints: tuple[Constraint, ...]
    indexes: tuple[Index, ...]
    views: tuple[View, ...]
    functions: tuple[Function, ...]
    triggers: tuple[Trigger, ...]
    rules: tuple[Rule, ...]
    policies: tuple[Policy, ...]
    statistics: tuple[Statistics, ...]
    comments: tuple[Comment, ...]
    privileges: tuple[Privilege, ...]
    default_privileges: tuple[DefaultPrivilege, ...]
    dependencies: tuple[Dependency, ...]
    unmodeled: tuple[Unmodeled, ...]
    type_refs: tuple[TypeRef, ...]
    # Database-level objects (catalog/scope.py keeps the managed ones in the kinds above).
    casts: tuple[Cast, ...] = ()
    event_triggers: tuple[EventTrigger, ...] = ()
    publications: tuple[Publication, ...] = ()
    publication_tables: tuple[PublicationTable, ...] = ()
    publication_schemas: tuple[PublicationSchema, ...] = ()
    foreign_data_wrappers: tuple[ForeignDataWrapper, ...] = ()
    foreign_servers: tuple[ForeignServer, ...] = ()
    user_mappings: tuple[UserMapping, ...] = ()
    # Every subscription of the database: catalog/inspection.py keeps the managed ones.
    subscriptions: tuple[Subscription, ...] = ()
    # What scope.py leaves out and names (never compared): objects neither managed nor the
    # platform's, and the platform's publications as the server has them.
    unmanaged: tuple[Unmanaged, ...] = ()
    platform_publications: tuple[Publication, ...] = ()
    # The platform the read was scoped for (the `platform` setting): under `none`, no role
    # or publication is the platform's (a `supabase_realtime` is the user's).
    platform: str = "supabase"
    # The managed roles, cluster-wide (roles as code: catalog/roles.py), read by `inspect`
    # only when there are managed roles; the desired state's are those schema/roles/
    # declares (shadow/roles.py).
    roles: tuple[Role, ...] = ()
    role_memberships: tuple[RoleMembership, ...] = ()

    def relation(self, schema: str, name: str) -> Relation | None:
        return next((r for r in self.relations if r.schema == schema and r.name == name), None)

    def columns_of(self, schema: str, table: str) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.schema == schema and c.table == table)

    def tables(self) -> tuple[Relation, ...]:
        return tuple(r for r in self.relations if r.is_table)


# Read unless asked otherwise: `type_refs` only serves type generation.
DEFAULT_KINDS = tuple(k for k in KINDS if SNAPSHOT_FIELDS[k].read_by_default)


@cache
def snapshot_sql(kinds: tuple[str, ...] = DEFAULT_KINDS, major: int = 18) -> str:
    """The one statement that reads the given kinds on a server of `major` (built once per
    process and major: catalog/versioned.py).

    Each kind comes back as one JSON array per field of its class (the query's column of
    that name), values in row order: the server encodes each field with one `json_agg`,
    which looks up how to print the field's type once instead of once per value, and the
    client makes each object from the field arrays, positionally, with no keys to parse.
    A kind with no rows comes back as an array of nulls.
    """
    folder = resources.files(__package__).joinpath("sql")
    parts = []
    for kind in kinds:
        text = folder.joinpath(f"{kind}.sql").read_text(encoding="utf-8")
        body = for_server(text, major).strip().rstrip(";")
        fields = ", ".join(f'json_agg(k."{name}")' for name in _field_names(KINDS[kind]))
        parts.append(f"(select json_build_array({fields}) from (\n{body}\n) k) as {kind}")
    return (
        "with target_ns as (select oid, nspname from pg_namespace "
        "where nspname = any(%(schemas)s::text[])),\n"
        # Objects that belong to an extension are the extension's: never ours to diff.
        "ext_members as materialized (select classid, objid from pg_depend where deptype = 'e')\n"
        "select current_setting('server_version_num')::int, current_user::text,\n"
        + ",\n".join(parts)
    )


def snapshot(
    conn: Connection,
    schemas: Iterable[str],
    *,
    kinds: Iterable[str] = DEFAULT_KINDS,
    platform: str = "supabase",
) -> CatalogSnapshot:
    """Read the schemas' objects from `conn` (any psycopg connection; nothing is written).

    :param kinds: what to read (names of `KINDS`); the others stay empty. `type_refs` is
        left out unless asked for.
    :param platform: the `platform` setting: which database-level objects are the
        platform's (catalog/scope.py).

    A connection that is not in autocommit mode is left as it was found: the read runs in
    its own transaction when none is open, which is rolled back.
    """
    names = tuple(schemas)
    requested = set(kinds)
    unknown = requested - set(KINDS)
    if unknown:
        raise ValueError(f"unknown catalog kinds: {', '.join(sorted(unknown))}")
    wanted = tuple(k for k in KINDS if k in requested)
    was_idle = conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    # With no search path, the server names every object it prints (types, tables in view
    # definitions, functions in defaults) with its schema: the texts read the same whatever
    # the session's path, and can be run as they are from any session.
    path = one_row(conn.execute("select current_setting('search_path')"))[0]
    # Tens of thousands of lists, tuples and objects are made below, none of them in a
    # cycle: the collector's passes over them would only add time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            with conn.cursor() as cursor:
                cursor.execute("select set_config('search_path', '', false)")
                try:
                    query = snapshot_sql(wanted, conn.info.server_version // 10000)
                    cursor.execute(query, {"schemas": list(names)})
                    row = one_row(cursor)
                finally:
                    cursor.execute("select set_config('search_path', %s, false)", (path,))
        except psycopg.Error as error:
            raise DatabaseError(f"reading the catalog failed: {error}") from error
        finally:
            if not conn.autocommit and was_idle:
                conn.rollback()
        values: dict[str, Any] = {kind: () for kind in KINDS}
        values.update(
            server_version=row[0], current_user=row[1], schema_names=names, platform=platform
        )
        for kind, fields in zip(wanted, row[2:], strict=True):
            if fields[0] is not None:
                _reprint(kind, fields)
                values[kind] = tuple(map(_maker(KINDS[kind]), *fields))
        return in_scope(CatalogSnapshot(**values))
    finally:
        if collecting:
            gc.enable()


# The expressions read in their round-trip form (catalog/reprint.py), by kind and field
# (catalog/kinds.py `SnapshotField.expressions`). A view's query, a trigger's WHEN, a rule's
# action, a row filter and a domain's CHECKs hold them as much as a table's CHECK does (a
# copy by pg_dump read them back changed).
_EXPRESSIONS = {f.name: f.expressions for f in SNAPSHOT_FIELDS.values() if f.expressions}


def _reprint(kind: str, fields: list[Any]) -> None:
    """The kind's expression columns (lists of one field's values), in place; a field that
    holds a list of expressions (a domain's constraints) has each reprinted."""
    for name in _EXPRESSIONS.get(kind, ()):
        position = _field_names(KINDS[kind]).index(name)
        fields[position] = [
            [reprinted(item) for item in value] if isinstance(value, list) else reprinted(value)
            for value in fields[position]
        ]


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _maker(cls: type) -> Callable[..., Any]:
    """A callable that turns one row's values (in field order) into a `cls`, as `cls(*row)`
    would, with each tuple field's JSON list (or null) made a tuple.

    A frozen dataclass sets each field through `object.__setattr__`, which costs more than
    the rest of the read for the larger kinds. So the values go into a plain twin class with
    the same slots, whose instance then becomes a `cls` (`__class__` assignment, allowed
    between classes of the same layout): the very object `cls(*row)` builds, at a third of
    the cost. Should the layouts ever differ, or `cls` do more than store its fields (a
    `__post_init__`, a field left out of `__init__`), `cls` itself is called.
    """
    fields = dataclasses.fields(cls)
    names = _field_names(cls)
    tuples = [i for i, f in enumerate(fields) if "tuple" in str(f.type)]
    params = ", ".join(f"_{i}" for i in range(len(fields)))
    body = "".join(
        f"    self.{f.name} = _tuple(_{i}) if _{i} is not None else ()\n"
        if i in tuples
        else f"    self.{f.name} = _{i}\n"
        for i, f in enumerate(fields)
    )
    scope: dict[str, Any] = {"_tuple": tuple, "_cls": cls}
    exec(f"def __init__(self, {params}):\n{body}    self.__class__ = _cls\n", scope)
    twin = type(f"_{cls.__name__}Row", (), {"__slots__": names, "__init__": scope["__init__"]})
    try:
        probe = twin(*([None] * len(fields)))
    except TypeError:
        probe = None
    plain = not hasattr(cls, "__post_init__") and all(f.init for f in fields)
    if plain and type(probe) is cls and getattr(cls, "__slots__", None) == names:
        return twin

    def build(*row: Any) -> Any:
        return cls(
            *((tuple(v) if v is not None else ()) if i in tuples else v for i, v in enumerate(row))
        )

    return build
