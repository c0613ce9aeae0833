"""The snapshot's frozen dataclasses: one class per kind of catalog object.

Field names are the column names of the matching `sql/<kind>.sql` query, so a row builds an
object with no mapping code. Fields declared with `compare=False` (oids and other
per-database numbers) are kept for lookups but never reported as differences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _oid() -> Any:
    return field(default=0, compare=False, repr=False)


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
    oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def is_table(self) -> bool:
        return self.kind in ("table", "partitioned table", "foreign table")


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
    type_oid: int = _oid()

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

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def security_invoker(self) -> bool:
        return any(
            o.lower() in ("security_invoker=true", "security_invoker=on", "security_invoker=1")
            for o in self.options
        )


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


@dataclass(frozen=True, slots=True)
class Trigger:
    schema: str
    table: str
    name: str
    definition: str
    enabled: str  # O origin, D disabled, R replica, A always
    function: str

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

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True, slots=True)
class Enum:
    schema: str
    name: str
    labels: tuple[str, ...]

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
    constraints: tuple[str, ...]
    base_type_oid: int = _oid()

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class CompositeType:
    schema: str
    name: str
    attribute_names: tuple[str, ...]
    attribute_types: tuple[str, ...]
    attribute_type_oids: tuple[int, ...] = field(default=(), compare=False, repr=False)

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
    owned_by: str | None

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True, slots=True)
class Comment:
    object_type: str
    object: str
    text: str

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

    @property
    def key(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Dependency:
    """`dependent` needs `referenced` (both as `<type> <identity>`, e.g. `view public.v`)."""

    dependent: str
    referenced: str

    @property
    def key(self) -> str:
        return f"{self.dependent} -> {self.referenced}"


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
