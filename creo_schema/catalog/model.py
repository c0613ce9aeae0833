"""The snapshot's frozen dataclasses: one class per kind of catalog object.

Field names are the column names of the matching `sql/<kind>.sql` query, so a row builds an
object with no mapping code. Fields declared with `compare=False` (oids and other
per-database numbers) are kept for lookups but never reported as differences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol


class CatalogRow(Protocol):
    """What a row of every kind has: its key among the rows of its kind."""

    @property
    def key(self) -> str: ...


def _oid() -> Any:
    return field(default=0, compare=False, repr=False)


def _oids() -> Any:
    return field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    owner: str
    oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Relation:
    schema: str
    name: str
    kind: str  # table, partitioned table, view, materialized view, foreign table
    owner: str
    unlogged: bool
    rls_enabled: bool
    rls_forced: bool
    options: tuple[str, ...]
    partition_of: str | None
    partition_bound: str | None
    partition_key: str | None
    updatable: bool
    inherits: tuple[str, ...]  # plain inheritance: the parents, quoted, in order
    replica_identity: str  # default, nothing, full, index
    replica_index: str | None
    foreign_server: str | None
    foreign_options: tuple[str, ...]
    clustered_index: str | None  # ALTER TABLE ... CLUSTER ON: the index CLUSTER uses
    of_type: str | None  # a typed table's composite type, quoted
    oid: int = _oid()
    partition_parent_oid: int | None = field(default=None, compare=False, repr=False)
    inherits_oids: tuple[int, ...] = _oids()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def is_table(self) -> bool:
        return self.kind in ("table", "partitioned table", "foreign table")


# The attribute options ALTER COLUMN ... SET accepts (the same from PostgreSQL 15 to 18).
# Any other a column carries was stamped by the server (Debian's 15.20 and later set
# `pg_attver=<n>` on every column, different from server to server): not the user's, not
# a difference. catalog/sql/columns.sql spells the same list.
USER_COLUMN_OPTIONS = frozenset({"n_distinct", "n_distinct_inherited"})


@dataclass(frozen=True, slots=True)
class Column:
    schema: str
    table: str
    name: str
    position: int
    type: str
    not_null: bool
    default: str | None
    identity: str  # '' | 'a' (always) | 'd' (by default)
    generated: str  # '' | 's' (stored) | 'v' (virtual, PostgreSQL 18)
    collation: str | None
    storage: str | None  # only where it differs from the type's: plain, external, main, extended
    compression: str | None  # pglz, lz4; None for the server's default
    statistics: int | None  # SET STATISTICS; None for the default
    inherited: bool  # exists only through a parent (or the partitioned table)
    identity_options: str | None  # an identity column's sequence options, spelled out
    fdw_options: tuple[str, ...] = ()  # a foreign table column's OPTIONS (name=value, sorted)
    # ALTER COLUMN ... SET (n_distinct, n_distinct_inherited): name=value, sorted
    options: tuple[str, ...] = ()
    # names of the attribute options the server set itself (USER_COLUMN_OPTIONS above):
    # never compared nor copied, only named in a plan's warnings
    server_options: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # the type's own storage, which `storage` None means: SET STORAGE DEFAULT is 16+ only
    type_storage: str = field(default="", compare=False, repr=False)
    type_oid: int = _oid()
    table_oid: int = _oid()
    attnum: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True, slots=True)
class Constraint:
    schema: str
    table: str  # '' for a domain's constraint (those live on Domain)
    name: str
    kind: str  # primary key, unique, foreign key, check, exclusion, trigger
    definition: str
    columns: tuple[str, ...]
    ref_schema: str | None
    ref_table: str | None
    ref_columns: tuple[str, ...]
    deferrable: bool
    deferred: bool
    validated: bool
    index: str | None
    no_inherit: bool
    inherited: bool  # a partition's copy of its parent's, or an inherited CHECK
    enforced: bool  # PostgreSQL 18: NOT ENFORCED
    oid: int = _oid()
    table_oid: int = _oid()
    ref_table_oid: int | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True, slots=True)
class Index:
    schema: str
    table: str
    name: str
    definition: str
    unique: bool
    primary: bool
    valid: bool
    key_columns: tuple[str | None, ...]  # None for an expression
    predicate: str | None
    constraint: str | None
    parent_index: str | None  # the partitioned parent's index this one is attached to
    partitioned: bool  # the index of a partitioned table
    options: tuple[str, ...]
    # "column number=target" for the key columns given a statistics target (ALTER INDEX ...
    # ALTER COLUMN n SET STATISTICS), an expression's above all
    statistics_targets: tuple[str, ...]
    oid: int = _oid()
    table_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class View:
    schema: str
    name: str
    materialized: bool
    definition: str
    options: tuple[str, ...]
    populated: bool  # a materialized view WITH DATA (always true for a view)
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def security_invoker(self) -> bool:
        return any(
            o.lower() in ("security_invoker=true", "security_invoker=on", "security_invoker=1")
            for o in self.options
        )


_INTERNAL_STATE = re.compile(r"\bM?STYPE = internal\b")


@dataclass(frozen=True, slots=True)
class Function:
    schema: str
    name: str
    kind: str  # function, procedure, aggregate, window
    identity_args: str
    arguments: str
    result: str | None
    language: str
    volatility: str
    strict: bool
    security_definer: bool
    leakproof: bool
    parallel: str
    config: tuple[str, ...]
    owner: str
    definition: str | None
    arg_names: tuple[str, ...]
    arg_modes: tuple[str, ...]  # empty when every argument is IN
    default_count: int
    returns_set: bool
    cost: str  # as the server prints it (real)
    rows: str
    support: str | None
    arg_type_oids: tuple[int, ...] = field(default=(), compare=False, repr=False)
    return_type_oid: int = _oid()
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}({self.identity_args})"

    @property
    def search_path(self) -> str | None:
        for setting in self.config:
            if setting.startswith("search_path="):
                return setting.removeprefix("search_path=")
        return None

    @property
    def internal_state(self) -> bool:
        """An aggregate whose (moving) transition state is `internal`: only a superuser may
        create one. The definition is the CREATE AGGREGATE functions.sql spells out."""
        return self.kind == "aggregate" and bool(_INTERNAL_STATE.search(self.definition or ""))


@dataclass(frozen=True, slots=True)
class Trigger:
    schema: str
    table: str
    name: str
    definition: str
    enabled: str  # O origin, D disabled, R replica, A always
    function: str
    oid: int = _oid()
    table_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True, slots=True)
class Policy:
    schema: str
    table: str
    name: str
    permissive: bool
    command: str
    roles: tuple[str, ...]
    using: str | None
    with_check: str | None
    oid: int = _oid()
    table_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True, slots=True)
class Enum:
    schema: str
    name: str
    labels: tuple[str, ...]
    owner: str
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Domain:
    schema: str
    name: str
    base_type: str
    not_null: bool
    default: str | None
    collation: str | None
    constraint_names: tuple[str, ...]
    constraints: tuple[str, ...]  # their definitions, in the order of the names
    owner: str
    base_type_oid: int = _oid()
    oid: int = _oid()
    constraint_oids: tuple[int, ...] = _oids()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class CompositeType:
    schema: str
    name: str
    attribute_names: tuple[str, ...]
    attribute_types: tuple[str, ...]
    attribute_collations: tuple[str, ...]  # '' where the type's own
    owner: str
    attribute_type_oids: tuple[int, ...] = field(default=(), compare=False, repr=False)
    oid: int = _oid()
    relation_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Sequence:
    schema: str
    name: str
    data_type: str
    start: int
    increment: int
    min: int
    max: int
    cache: int
    cycle: bool
    owned_by: str | None  # quoted schema.table.column
    identity: bool  # the sequence of an identity column: part of that column
    unlogged: bool
    owner: str
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Comment:
    object_type: str
    object: str
    text: str
    class_: str = field(default="", compare=False, repr=False)  # the catalog, e.g. pg_class
    objid: int = _oid()
    subid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.object_type} {self.object}"


@dataclass(frozen=True, slots=True)
class Privilege:
    """What one grantee holds on one object; a grantable privilege ends with `*`.

    An object whose ACL was never set holds its built-in defaults, spelled out.
    """

    object_type: str
    object: str
    grantee: str
    privileges: tuple[str, ...]
    class_: str = field(default="", compare=False, repr=False)
    objid: int = _oid()
    subid: int = _oid()

    @property
    def key(self) -> str:
        return f"on {self.object_type} {self.object} to {self.grantee}"


@dataclass(frozen=True, slots=True)
class DefaultPrivilege:
    role: str
    schema: str | None
    object_type: str
    grantee: str
    privileges: tuple[str, ...]

    @property
    def key(self) -> str:
        where = f" in schema {self.schema}" if self.schema else ""
        return f"for role {self.role}{where} on {self.object_type} to {self.grantee}"


@dataclass(frozen=True, slots=True)
class Extension:
    name: str
    schema: str
    version: str
    relocatable: bool
    oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Dependency:
    """One pg_depend row between user objects: the dependent needs the referenced.

    Objects are named by catalog (`pg_class`, `pg_proc`, ...; `pg_attrdef` for a column
    default, named by its table and column number), oid and sub-id (a column's number).
    """

    dependent_class: str
    dependent_oid: int
    dependent_sub: int
    referenced_class: str
    referenced_oid: int
    referenced_sub: int

    @property
    def key(self) -> str:
        return (
            f"{self.dependent_class}:{self.dependent_oid}:{self.dependent_sub} -> "
            f"{self.referenced_class}:{self.referenced_oid}:{self.referenced_sub}"
        )


@dataclass(frozen=True, slots=True)
class Range:
    schema: str
    name: str
    subtype: str
    subtype_opclass: str | None
    collation: str | None
    canonical: str | None
    subtype_diff: str | None
    multirange: str
    owner: str
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Collation:
    schema: str
    name: str
    provider: str
    locale: str | None
    lc_collate: str | None
    lc_ctype: str | None
    deterministic: bool
    rules: str | None
    owner: str
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Rule:
    schema: str
    table: str
    name: str
    definition: str
    enabled: str
    oid: int = _oid()
    table_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True, slots=True)
class Statistics:
    schema: str
    name: str
    definition: str
    target: int | None
    owner: str
    oid: int = _oid()
    table_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Cast:
    """CREATE CAST: no schema and no name of its own, known by its two types."""

    source: str  # format_type of the source and target types (qualified outside pg_catalog)
    target: str
    function: str  # the function's signature (regprocedure), '' for INOUT and binary casts
    context: str  # e explicit only, a in assignment, i implicit
    method: str  # f function, i inout, b binary coercible (WITHOUT FUNCTION)
    managed: bool = field(default=True, compare=False, repr=False)
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"({self.source} as {self.target})"


@dataclass(frozen=True, slots=True)
class Unmodeled:
    """Something in a managed schema the snapshot cannot model: a plan refuses it by name."""

    kind: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A type some column or function uses; for mapping oids, never compared."""

    oid: int
    schema: str
    name: str
    kind: str  # b base, c composite, d domain, e enum, p pseudo, r range, m multirange
    category: str  # A array, ...
    element_oid: int
    base_oid: int
    not_null: bool
    relation_oid: int


# Database-level objects (no schema of their own). Which of them a snapshot keeps, and which
# it names as not managed, is decided in catalog/scope.py. Option values that hold secrets
# (passwords, keys, tokens) are never read: the server replaces them with REDACTED.
REDACTED = "creo:redacted"
HIDDEN = "creo:hidden"  # a user mapping whose options the reading role may not see


@dataclass(frozen=True, slots=True)
class EventTrigger:
    name: str
    event: str  # ddl_command_start, ddl_command_end, sql_drop, table_rewrite, login
    tags: tuple[str, ...]  # WHEN TAG IN (...), sorted; empty for every command
    function: str  # quoted schema.name
    enabled: str  # O origin, D disabled, R replica, A always
    owner: str
    function_schema: str = field(default="", compare=False, repr=False)
    oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Publication:
    name: str
    owner: str
    all_tables: bool
    publish: tuple[str, ...]  # insert, update, delete, truncate: the operations published
    via_root: bool  # publish_via_partition_root
    generated_columns: str  # PostgreSQL 18's publish_generated_columns (none, stored); '' before
    platform: bool  # the platform's own (supabase_realtime): only its membership is ours
    oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class PublicationTable:
    """One table of a publication's FOR TABLE list, with its column list and row filter."""

    publication: str
    schema: str
    table: str
    columns: tuple[str, ...]  # empty: every column
    row_filter: str | None
    oid: int = _oid()
    publication_oid: int = _oid()
    table_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.publication} {self.schema}.{self.table}"


@dataclass(frozen=True, slots=True)
class PublicationSchema:
    """One schema of a publication's FOR TABLES IN SCHEMA list (PostgreSQL 15+)."""

    publication: str
    schema: str
    oid: int = _oid()
    publication_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.publication} {self.schema}"


@dataclass(frozen=True, slots=True)
class Subscription:
    """A logical replication subscription of this database (catalog/sql/subscriptions.sql).

    Its connection string is not here: only superusers may read it, it holds the publisher's
    password, and a plan takes it from the environment (config.py `subscriptions`), so a
    changed value is no difference. The options PostgreSQL 16 and 17 added read as their
    defaults on older servers.
    """

    name: str
    owner: str
    enabled: bool
    publications: tuple[str, ...]  # sorted: the order they were listed in means nothing
    slot_name: str | None  # None: slot_name = NONE
    binary: bool
    streaming: str  # off, on, parallel (16+)
    synchronous_commit: str
    disable_on_error: bool
    two_phase: bool  # asked for (pending until the tables are synchronized, then enabled)
    origin: str  # any, none (16+; any before)
    password_required: bool  # 16+; true before
    run_as_owner: bool  # 16+; false before
    failover: bool  # 17+; false before
    # What CREATE SUBSCRIPTION did beyond the catalog, known only from a declaration
    # (source/subscriptions.py): whether it connected to the publisher, made a slot there
    # (which DROP must drop there too) and copied the tables' rows. Read from a database,
    # a subscription with a slot name is taken to have its slot; created again (by a
    # rollback), it makes one, reaching the publisher only for that or to replicate, and
    # copies no rows its tables already hold.
    connect: bool = field(default=True, compare=False, repr=False)
    remote_slot: bool = field(default=True, compare=False, repr=False)
    copy_data: bool = field(default=False, compare=False, repr=False)
    # The environment variable holding its connection string (config.py), for the SQL that
    # creates it; set by the plan, never read from a database.
    conninfo_env: str = field(default="", compare=False, repr=False)
    oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class ForeignDataWrapper:
    name: str
    owner: str
    handler: str | None  # quoted schema.name of the handler function; None for NO HANDLER
    validator: str | None
    options: tuple[str, ...]  # name=value, sorted
    # The extensions the handler and validator come from (postgres_fdw), for ordering.
    extensions: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # Whether the handler and validator are built in, an extension's or in a managed schema.
    functions_visible: bool = field(default=True, compare=False, repr=False)
    oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class ForeignServer:
    name: str
    wrapper: str
    type: str | None
    version: str | None
    options: tuple[str, ...]
    owner: str
    wrapper_extension: str | None = field(default=None, compare=False, repr=False)
    # Foreign tables using it outside the managed schemas (quoted): it cannot be ours then.
    outside_tables: tuple[str, ...] = field(default=(), compare=False, repr=False)
    oid: int = _oid()
    wrapper_oid: int = _oid()

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class UserMapping:
    server: str
    user: str  # a role, or 'public'
    options: tuple[str, ...]
    oid: int = _oid()
    server_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"for {self.user} server {self.server}"


@dataclass(frozen=True, slots=True)
class Unmanaged:
    """A database-level object (event trigger, publication, foreign data, subscription) that
    is neither managed nor the platform's: a plan names it and leaves it alone
    (catalog/scope.py; subscriptions: catalog/inspection.py)."""

    kind: str
    name: str
    reason: str

    @property
    def key(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(frozen=True, slots=True)
class Role:
    """A managed role (roles as code, `manage_roles`): its attributes, role-wide settings
    and comment, as the server keeps them (catalog/roles.py). Passwords are never read."""

    name: str
    superuser: bool
    createdb: bool
    createrole: bool
    inherit: bool
    login: bool
    replication: bool
    bypassrls: bool
    connection_limit: int  # -1: none
    valid_until: str | None  # UTC, ISO 8601; 'infinity'; None: always valid
    settings: tuple[str, ...]  # ALTER ROLE ... SET, role-wide: name=value, sorted
    comment: str | None

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class RoleMembership:
    """`member` is a member of `role` (GRANT role TO member), one of them managed. Before
    PostgreSQL 16 a membership has no INHERIT and SET options: both read as true there (the
    member's INHERIT attribute decides)."""

    role: str
    member: str
    admin: bool
    inherit: bool
    set: bool

    @property
    def key(self) -> str:
        return f"{self.role} to {self.member}"
