"""One registry of kinds: what each kind of object is, said once.

There are two sets of kinds, and both are here:

- **Snapshot fields** (`SnapshotField`, by field name): what the catalog reads, one per
  field of `CatalogSnapshot` (`relations`, `columns`, `comments` ...). Each names its query
  (`sql/<name>.sql`), the frozen class its rows become (`model.py`), the noun a difference
  of one is reported with, the expressions read in their round-trip form, and the system
  catalog its objects live in (as comments, privileges and pg_depend name them).
- **Object kinds** (`ObjectKind`, with a `KindSpec` each): what the differ, its changes and
  every plan name (`table`, `column`, `materialized view` ...). Several can come from one
  snapshot field (a relation is a table, a view's columns are `view column`s), and one
  kind's rows are the snapshot field it names (`KindSpec.snapshot`). Each says what a
  reviewer and the rest of the tool need to know without asking the differ: whether
  dropping it loses data, whether it stands in the way of a column change, what default
  privileges apply to it, where it is ordered among changes nothing else orders.

`ObjectKind` is a `StrEnum` whose values are the names plans and goldens have always
printed: a member is equal to its string, hashes like it and prints as it, so code can move
from strings to members one place at a time. How a kind is diffed (its SQL) stays in its
`diff/kinds/` class; the README's "Adding a kind" lists every file a new kind touches.

This module imports nothing of the tool but `model.py`: catalog, diff, plan, source and
lint may all read it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from creo_schema.catalog import model as m


class ObjectKind(StrEnum):
    """The differ's kinds of object, as changes, plans and messages name them."""

    ROLE = "role"
    ROLE_MEMBERSHIP = "role membership"
    SCHEMA = "schema"
    EXTENSION = "extension"
    COLLATION = "collation"
    DEFAULT_PRIVILEGES = "default privileges"
    ENUM = "enum"
    DOMAIN = "domain"
    DOMAIN_CONSTRAINT = "domain constraint"
    COMPOSITE_TYPE = "composite type"
    RANGE = "range"
    SEQUENCE = "sequence"
    FUNCTION = "function"
    CAST = "cast"
    TABLE = "table"
    COLUMN = "column"
    DEFAULT = "default"
    VIEW_COLUMN = "view column"
    CONSTRAINT = "constraint"
    INDEX = "index"
    VIEW = "view"
    MATERIALIZED_VIEW = "materialized view"
    VIEW_DEFAULT = "view default"
    TRIGGER = "trigger"
    RULE = "rule"
    POLICY = "policy"
    STATISTICS = "statistics"
    FOREIGN_DATA_WRAPPER = "foreign data wrapper"
    SERVER = "server"
    USER_MAPPING = "user mapping"
    EVENT_TRIGGER = "event trigger"
    PUBLICATION = "publication"
    PUBLICATION_TABLE = "publication table"
    PUBLICATION_SCHEMA = "publication schema"
    SUBSCRIPTION = "subscription"


@dataclass(frozen=True, slots=True)
class SnapshotField:
    """One field of `CatalogSnapshot`: a kind of row the catalog reads."""

    name: str  # the field, and its query `sql/<name>.sql`
    row: type  # the frozen class of its rows (model.py): field names are the query's columns
    noun: str  # one row's difference as a reviewer reads it: "relation public.t: ..."
    # Read by the one statement of catalog/reader.py (roles are read apart, by
    # catalog/roles.py; what scope.py derives is read by nobody).
    in_snapshot: bool = True
    read_by_default: bool = True  # type_refs only serve type generation: read when asked
    # Fields read in their round-trip form (catalog/reprint.py): expressions the server
    # prints (a list of them: each one reprinted).
    expressions: tuple[str, ...] = ()
    # The system catalog its objects live in, as comments, privileges and pg_depend name
    # them (None: rows that are no objects of their own).
    catalog: str | None = None
    # Database-level objects (no schema): which of them are managed is catalog/scope.py's
    # rule, and the comments and privileges of the others go with them.
    scoped: bool = False
    query: str = ""  # the query file, when not `<name>.sql`

    @property
    def query_file(self) -> str | None:
        """The file under catalog/sql/ that reads it (None for a field nobody reads)."""
        if not self.in_snapshot and not self.query:
            return None
        return self.query or f"{self.name}.sql"


@dataclass(frozen=True, slots=True)
class KindSpec:
    """What one of the differ's kinds is, apart from how it is diffed."""

    kind: ObjectKind
    snapshot: str  # the snapshot field its objects are read from (SnapshotField.name)
    rank: int  # among changes nothing else orders: created low first, dropped high first
    # The default privileges object type (ALTER DEFAULT PRIVILEGES ... ON <type>) whose
    # grants an object of this kind is created with; None when it has none.
    acl_type: str | None = None
    holds_data: bool = False  # dropping it loses rows or values no rollback brings back
    # PostgreSQL refuses ALTER COLUMN ... TYPE (and identity changes) while an object of
    # this kind reads the column: it is dropped before and created again after
    # (diff/expand.py). Indexes, constraints and statistics the server rebuilds itself.
    blocks_column_changes: bool = False
    # A type a column can have: replaced, its columns pass through another type meanwhile.
    column_type: bool = False
    # The kind whose `diff/kinds/` class diffs it (a materialized view is a view's).
    diffed_as: ObjectKind | None = None
    # How statements name it in pglast's trees (`ObjectType` member names, kept as text so
    # that this module needs no parser): DROP MATERIALIZED VIEW is `OBJECT_MATVIEW`. An enum,
    # a composite type and a range are all `OBJECT_TYPE`: that name says no kind.
    object_types: tuple[str, ...] = ()

    @property
    def noun(self) -> str:
        """The kind as a reviewer reads it in a plan or a message."""
        return self.kind.value

    @property
    def field(self) -> SnapshotField:
        return SNAPSHOT_FIELDS[self.snapshot]

    @property
    def row(self) -> type:
        """The class of the catalog rows its objects are made from."""
        return self.field.row


def _fields(*fields: SnapshotField) -> dict[str, SnapshotField]:
    return {f.name: f for f in fields}


# In reporting order: the order of the snapshot's query and of catalog/differences.py.
SNAPSHOT_FIELDS: dict[str, SnapshotField] = _fields(
    SnapshotField("schemas", m.Schema, "schema", catalog="pg_namespace"),
    SnapshotField("extensions", m.Extension, "extension", catalog="pg_extension"),
    SnapshotField("collations", m.Collation, "collation", catalog="pg_collation"),
    SnapshotField("enums", m.Enum, "enum", catalog="pg_type"),
    SnapshotField("domains", m.Domain, "domain", expressions=("constraints",), catalog="pg_type"),
    SnapshotField("composite_types", m.CompositeType, "composite type", catalog="pg_type"),
    SnapshotField("ranges", m.Range, "range", catalog="pg_type"),
    SnapshotField("sequences", m.Sequence, "sequence", catalog="pg_class"),
    SnapshotField("relations", m.Relation, "relation", catalog="pg_class"),
    SnapshotField("columns", m.Column, "column", expressions=("default",), catalog="pg_class"),
    SnapshotField(
        "constraints",
        m.Constraint,
        "constraint",
        expressions=("definition",),
        catalog="pg_constraint",
    ),
    SnapshotField(
        "indexes", m.Index, "index", expressions=("definition", "predicate"), catalog="pg_class"
    ),
    SnapshotField("views", m.View, "view", expressions=("definition",), catalog="pg_class"),
    SnapshotField("functions", m.Function, "function", catalog="pg_proc"),
    SnapshotField(
        "triggers", m.Trigger, "trigger", expressions=("definition",), catalog="pg_trigger"
    ),
    SnapshotField("rules", m.Rule, "rule", expressions=("definition",), catalog="pg_rewrite"),
    SnapshotField(
        "policies", m.Policy, "policy", expressions=("using", "with_check"), catalog="pg_policy"
    ),
    SnapshotField("statistics", m.Statistics, "statistics", catalog="pg_statistic_ext"),
    SnapshotField("casts", m.Cast, "cast", catalog="pg_cast", scoped=True),
    SnapshotField(
        "event_triggers", m.EventTrigger, "event trigger", catalog="pg_event_trigger", scoped=True
    ),
    SnapshotField(
        "publications", m.Publication, "publication", catalog="pg_publication", scoped=True
    ),
    SnapshotField(
        "publication_tables",
        m.PublicationTable,
        "publication table",
        expressions=("row_filter",),
        catalog="pg_publication_rel",
        scoped=True,
    ),
    SnapshotField(
        "publication_schemas",
        m.PublicationSchema,
        "publication schema",
        catalog="pg_publication_namespace",
        scoped=True,
    ),
    SnapshotField(
        "foreign_data_wrappers",
        m.ForeignDataWrapper,
        "foreign data wrapper",
        catalog="pg_foreign_data_wrapper",
        scoped=True,
    ),
    SnapshotField(
        "foreign_servers", m.ForeignServer, "server", catalog="pg_foreign_server", scoped=True
    ),
    SnapshotField(
        "user_mappings", m.UserMapping, "user mapping", catalog="pg_user_mapping", scoped=True
    ),
    # Every subscription of the database: catalog/inspection.py keeps the managed ones.
    SnapshotField("subscriptions", m.Subscription, "subscription", catalog="pg_subscription"),
    SnapshotField("comments", m.Comment, "comment on"),
    SnapshotField("privileges", m.Privilege, "privileges"),
    SnapshotField(
        "default_privileges", m.DefaultPrivilege, "default privileges", catalog="pg_default_acl"
    ),
    SnapshotField("dependencies", m.Dependency, "dependency"),
    SnapshotField("unmodeled", m.Unmodeled, "unmodeled object"),
    SnapshotField("type_refs", m.TypeRef, "type reference", read_by_default=False),
    # The managed roles, cluster-wide (catalog/roles.py reads them apart: roles as code).
    SnapshotField(
        "roles", m.Role, "role", in_snapshot=False, catalog="pg_authid", query="roles.sql"
    ),
    SnapshotField(
        "role_memberships",
        m.RoleMembership,
        "role membership",
        in_snapshot=False,
        catalog="pg_auth_members",
        query="role_memberships.sql",
    ),
    # What scope.py leaves out and names, and the platform's publications as they are.
    SnapshotField("unmanaged", m.Unmanaged, "unmanaged object", in_snapshot=False),
    SnapshotField(
        "platform_publications", m.Publication, "platform publication", in_snapshot=False
    ),
)

_K = ObjectKind
# In the order the differ adds their nodes (tables add every relation's columns, so views
# come after).
KIND_SPECS: dict[ObjectKind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(_K.ROLE, "roles", rank=1, object_types=("OBJECT_ROLE",)),
        KindSpec(_K.ROLE_MEMBERSHIP, "role_memberships", rank=2),
        KindSpec(_K.SCHEMA, "schemas", rank=0, acl_type="schemas", object_types=("OBJECT_SCHEMA",)),
        KindSpec(
            _K.EXTENSION, "extensions", rank=1, holds_data=True, object_types=("OBJECT_EXTENSION",)
        ),
        KindSpec(_K.COLLATION, "collations", rank=2, object_types=("OBJECT_COLLATION",)),
        # Before schemas even: what CREATE gives a new object is judged with the desired
        # defaults in force (diff/facets.py), and a global default on schemas applies to the
        # schemas the plan creates. One IN SCHEMA waits for its schema all the same.
        KindSpec(
            _K.DEFAULT_PRIVILEGES, "default_privileges", rank=-1, object_types=("OBJECT_DEFACL",)
        ),
        KindSpec(_K.ENUM, "enums", rank=3, acl_type="types", column_type=True),
        KindSpec(
            _K.DOMAIN,
            "domains",
            rank=3,
            acl_type="types",
            column_type=True,
            object_types=("OBJECT_DOMAIN",),
        ),
        KindSpec(_K.DOMAIN_CONSTRAINT, "domains", rank=4, object_types=("OBJECT_DOMCONSTRAINT",)),
        KindSpec(_K.COMPOSITE_TYPE, "composite_types", rank=3, acl_type="types", column_type=True),
        KindSpec(_K.RANGE, "ranges", rank=3, acl_type="types", column_type=True),
        KindSpec(
            _K.SEQUENCE,
            "sequences",
            rank=5,
            acl_type="sequences",
            holds_data=True,
            object_types=("OBJECT_SEQUENCE",),
        ),
        KindSpec(
            _K.FUNCTION,
            "functions",
            rank=7,
            acl_type="functions",
            object_types=(
                "OBJECT_FUNCTION",
                "OBJECT_PROCEDURE",
                "OBJECT_ROUTINE",
                "OBJECT_AGGREGATE",
            ),
        ),
        KindSpec(_K.CAST, "casts", rank=8, object_types=("OBJECT_CAST",)),
        KindSpec(
            _K.TABLE,
            "relations",
            rank=10,
            acl_type="tables",
            holds_data=True,
            object_types=("OBJECT_TABLE", "OBJECT_FOREIGN_TABLE"),
        ),
        KindSpec(_K.COLUMN, "columns", rank=11, holds_data=True, object_types=("OBJECT_COLUMN",)),
        KindSpec(
            _K.DEFAULT,
            "columns",
            rank=12,
            blocks_column_changes=True,
            object_types=("OBJECT_DEFAULT",),
        ),
        KindSpec(_K.VIEW_COLUMN, "columns", rank=21),
        KindSpec(_K.CONSTRAINT, "constraints", rank=13, object_types=("OBJECT_TABCONSTRAINT",)),
        KindSpec(_K.INDEX, "indexes", rank=14, object_types=("OBJECT_INDEX",)),
        KindSpec(
            _K.VIEW,
            "views",
            rank=20,
            acl_type="tables",
            blocks_column_changes=True,
            object_types=("OBJECT_VIEW",),
        ),
        KindSpec(
            _K.MATERIALIZED_VIEW,
            "views",
            rank=20,
            acl_type="tables",
            holds_data=True,  # what its query computed, until it is refreshed again
            blocks_column_changes=True,
            diffed_as=_K.VIEW,
            object_types=("OBJECT_MATVIEW",),
        ),
        KindSpec(_K.VIEW_DEFAULT, "columns", rank=22),
        KindSpec(
            _K.TRIGGER,
            "triggers",
            rank=30,
            blocks_column_changes=True,
            object_types=("OBJECT_TRIGGER",),
        ),
        KindSpec(
            _K.RULE, "rules", rank=31, blocks_column_changes=True, object_types=("OBJECT_RULE",)
        ),
        KindSpec(
            _K.POLICY,
            "policies",
            rank=32,
            blocks_column_changes=True,
            object_types=("OBJECT_POLICY",),
        ),
        KindSpec(_K.STATISTICS, "statistics", rank=33, object_types=("OBJECT_STATISTIC_EXT",)),
        # No default privileges for these two: what CREATE gives them is built in.
        KindSpec(
            _K.FOREIGN_DATA_WRAPPER,
            "foreign_data_wrappers",
            rank=3,
            acl_type="foreign data wrappers",
            object_types=("OBJECT_FDW",),
        ),
        KindSpec(
            _K.SERVER,
            "foreign_servers",
            rank=4,
            acl_type="foreign servers",
            object_types=("OBJECT_FOREIGN_SERVER",),
        ),
        KindSpec(_K.USER_MAPPING, "user_mappings", rank=5, object_types=("OBJECT_USER_MAPPING",)),
        KindSpec(
            _K.EVENT_TRIGGER, "event_triggers", rank=45, object_types=("OBJECT_EVENT_TRIGGER",)
        ),
        KindSpec(_K.PUBLICATION, "publications", rank=40, object_types=("OBJECT_PUBLICATION",)),
        # A table's entry blocks a type change of any column it lists or filters on.
        KindSpec(
            _K.PUBLICATION_TABLE,
            "publication_tables",
            rank=41,
            blocks_column_changes=True,
            object_types=("OBJECT_PUBLICATION_REL",),
        ),
        KindSpec(
            _K.PUBLICATION_SCHEMA,
            "publication_schemas",
            rank=41,
            object_types=("OBJECT_PUBLICATION_NAMESPACE",),
        ),
        # Created after what it replicates into, dropped before.
        KindSpec(_K.SUBSCRIPTION, "subscriptions", rank=60, object_types=("OBJECT_SUBSCRIPTION",)),
    )
}


def spec(kind: str) -> KindSpec:
    """The spec of a kind, by member or by its name (`spec("materialized view")`)."""
    return KIND_SPECS[ObjectKind(kind)]


_BY_OBJECT_TYPE = {name: k for k, s in KIND_SPECS.items() for name in s.object_types}


def kind_of_object_type(name: str) -> ObjectKind | None:
    """The kind a pglast `ObjectType` names, by the member's name (`ObjectType.OBJECT_MATVIEW
    .name`); None for one that names no single kind (`OBJECT_TYPE`) or none of ours."""
    return _BY_OBJECT_TYPE.get(name)


def kinds_where(flag: str) -> frozenset[ObjectKind]:
    """The kinds whose spec has `flag` (a boolean field of `KindSpec`) set."""
    return frozenset(k for k, s in KIND_SPECS.items() if getattr(s, flag))


def snapshot_field(name: str) -> SnapshotField:
    return SNAPSHOT_FIELDS[name]


def noun(field_name: str) -> str:
    """One row of a snapshot field as a reviewer reads it (`noun("relations")` is
    "relation")."""
    return SNAPSHOT_FIELDS[field_name].noun


# The fields catalog/reader.py reads in its one statement, in reporting order.
SNAPSHOT_KINDS: dict[str, type] = {f.name: f.row for f in SNAPSHOT_FIELDS.values() if f.in_snapshot}


# The revision of what the catalog reads ---------------------------------------------------


def field_definitions(cls: type) -> str:
    """A dataclass's fields as text: name, annotation, whether compared, default. What a
    stored object of the class holds changes exactly when this does."""
    out = []
    for f in dataclasses.fields(cls):
        default = "" if f.default is dataclasses.MISSING else repr(f.default)
        factory = "" if f.default_factory is dataclasses.MISSING else "factory"
        out.append(f"{f.name}:{f.type}:{f.compare}:{default}:{factory}")
    return f"{cls.__module__}.{cls.__qualname__}(" + ", ".join(out) + ")"


def revision(queries: Iterable[tuple[str, str]], classes: Iterable[type]) -> str:
    """A hash of query texts (name, text) and of the classes' field definitions."""
    digest = hashlib.sha256()
    for name, text in sorted(queries):
        digest.update(f"query {name}\0{text}\0".encode())
    for cls in classes:
        digest.update(f"class {field_definitions(cls)}\0".encode())
    return digest.hexdigest()


def catalog_inputs() -> tuple[list[tuple[str, str]], list[type]]:
    """What a snapshot is read by and made of: every query under catalog/sql/ (and
    catalog/signature.sql) as (file, text), and every row class."""
    folder = resources.files(__package__)
    queries = [
        (f"sql/{item.name}", item.read_text(encoding="utf-8"))
        for item in folder.joinpath("sql").iterdir()
        if item.name.endswith(".sql")
    ]
    queries += [
        (item.name, item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".sql")
    ]
    rows = list(dict.fromkeys(f.row for f in SNAPSHOT_FIELDS.values()))
    return queries, rows


@cache
def catalog_revision() -> str:
    """A hash of `catalog_inputs`: it changes whenever what a snapshot reads or holds does."""
    return revision(*catalog_inputs())
