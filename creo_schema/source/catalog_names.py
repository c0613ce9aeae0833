"""What names exist before schema/ loads: the platform prelude's objects and PostgreSQL's own.

The prelude (creo_schema/platform/<platform>.sql) is parsed like any schema file. Its roles
and extension shims are made inside DO blocks, whose bodies pglast leaves as text, so those
two are read from the text: the `('role', 'attributes')` rows and `with schema <name>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pglast
from pglast import ast
from pglast.enums import ConstrType

from creo_schema.platform import prelude_sql, reserved_schemas
from creo_schema.source.asts import dotted
from creo_schema.source.names import DEFAULT_SCHEMA, names_of, routine_signature

# Schemas every PostgreSQL database has; their content is never checked statically.
BUILTIN_SCHEMAS = frozenset({"pg_catalog", "information_schema", "pg_toast"})
# Roles every cluster has (the bootstrap superuser the tool loads as; pg_* are skipped).
BUILTIN_ROLES = frozenset({"postgres"})

_ROLE_ROW = re.compile(r"\(\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*,\s*'[^']*'\s*\)")
_EXTENSION_SCHEMA = re.compile(r"create\s+extension\b[^;]*?\bwith\s+schema\s+(\w+)", re.I)


@dataclass
class Names:
    """Declared names by kind; `columns[relation]` is None when the columns are unknown."""

    relations: set[str] = field(default_factory=set)
    columns: dict[str, set[str] | None] = field(default_factory=dict)
    functions: set[str] = field(default_factory=set)  # "schema.name()"
    # "schema.name()" -> each overload as messages name it: "schema.name(text, integer)"
    signatures: dict[str, set[str]] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)
    schemas: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    extension_schemas: set[str] = field(default_factory=set)  # contents unknown statically

    def merge(self, other: Names) -> Names:
        merged = Names()
        for name in ("relations", "functions", "types", "schemas", "roles", "extension_schemas"):
            getattr(merged, name).update(getattr(self, name), getattr(other, name))
        merged.columns = {**self.columns, **other.columns}
        for names in (self, other):
            for key, found in names.signatures.items():
                merged.signatures.setdefault(key, set()).update(found)
        return merged


class KnownRoles:
    """Roles schema/ may name besides the platform's: the configuration's `roles`, and the
    target's when there is a target. `target` reads those (one query), called only when a
    name is not resolved otherwise, so schema/ that names only known roles needs no target;
    None when there is no target to read them from."""

    def __init__(
        self,
        configured: frozenset[str] = frozenset(),
        target: Callable[[], frozenset[str]] | None = None,
    ) -> None:
        self.configured = configured
        self._target = target
        self._on_target: frozenset[str] | None = None

    @property
    def has_target(self) -> bool:
        return self._target is not None

    def on_target(self) -> frozenset[str]:
        if self._on_target is None:
            self._on_target = self._target() if self._target is not None else frozenset()
        return self._on_target

    def __contains__(self, name: object) -> bool:
        return name in self.configured or (self.has_target and name in self.on_target())

    def all(self) -> frozenset[str]:
        return self.configured | self.on_target()


def add_statement(names: Names, node: ast.Node, created: Iterable[str] | None = None) -> None:
    """Record what one statement declares (`created`: its names_of(), when already known)."""
    if created is None:
        created, _ = names_of(node)
    for key in created:
        if key.startswith("schema:"):
            names.schemas.add(key.removeprefix("schema:"))
        elif key.startswith("extension:"):
            assert isinstance(node, ast.CreateExtensionStmt)
            names.extension_schemas.add(_extension_schema(node))
        elif key.endswith("()"):
            names.functions.add(key)
            signature = routine_signature(node)
            if signature:
                names.signatures.setdefault(key, set()).add(signature)
        elif key.startswith(("trigger:", "statistics:")):
            continue  # named only by the statements that alter them
        elif isinstance(
            node,
            ast.CreateEnumStmt | ast.CreateDomainStmt | ast.CompositeTypeStmt | ast.CreateRangeStmt,
        ):
            names.types.add(key)
        else:
            names.relations.add(key)
            if not isinstance(node, ast.IndexStmt | ast.CreateSeqStmt):
                names.types.add(key)  # a table's or view's row type
    match node:
        case ast.CreateStmt():
            names.columns[_relation_key(node.relation)] = _table_columns(node, names)
        case ast.AlterTableStmt():
            known = names.columns.get(_relation_key(node.relation))
            for cmd in node.cmds or ():
                column = getattr(cmd, "def_", None)
                if isinstance(column, ast.ColumnDef) and known is not None:
                    assert column.colname is not None  # the parser names every column
                    known.add(column.colname)
        case ast.ViewStmt() | ast.CreateTableAsStmt():
            for key in created:
                names.columns[key] = None
        case ast.CreateRoleStmt():
            assert node.role is not None  # the parser names every role
            names.roles.add(node.role)


def _relation_key(relation: ast.RangeVar | None) -> str:
    # pglast's stubs type every field optional; the parser always fills this one in.
    assert relation is not None
    return f"{relation.schemaname or DEFAULT_SCHEMA}.{relation.relname}"


def _extension_schema(node: ast.CreateExtensionStmt) -> str:
    for option in node.options or ():
        if option.defname == "schema":
            return str(getattr(option.arg, "sval", option.arg))
    return DEFAULT_SCHEMA


def _table_columns(node: ast.CreateStmt, names: Names) -> set[str] | None:
    """Column names of a CREATE TABLE, or None when inherited ones make them unknown."""
    if node.inhRelations or node.partbound or node.ofTypename:
        return None
    columns: set[str] = set()
    relation = node.relation
    assert relation is not None  # as in _relation_key
    schema = relation.schemaname or DEFAULT_SCHEMA
    for element in node.tableElts or ():
        if isinstance(element, ast.TableLikeClause):
            return None
        if isinstance(element, ast.ColumnDef):
            assert element.colname is not None  # the parser names every column
            columns.add(element.colname)
            if _makes_sequence(element):
                names.relations.add(f"{schema}.{relation.relname}_{element.colname}_seq")
    return columns


def _makes_sequence(column: ast.ColumnDef) -> bool:
    type_name = dotted(column.typeName.names)[-1] if column.typeName else ""
    if type_name in ("serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"):
        return True
    return any(
        isinstance(c, ast.Constraint) and c.contype == ConstrType.CONSTR_IDENTITY
        for c in column.constraints or ()
    )


@lru_cache(maxsize=8)
def platform_names(platform: str) -> Names:
    """What the platform prelude (and PostgreSQL itself) declares."""
    names = Names(schemas={DEFAULT_SCHEMA, *BUILTIN_SCHEMAS}, roles=set(BUILTIN_ROLES))
    text = prelude_sql(platform)
    if not text.strip():
        return names
    for raw in pglast.parse_sql(text):
        assert raw.stmt is not None  # the parser fills it in
        add_statement(names, raw.stmt)
    names.roles.update(_ROLE_ROW.findall(text))
    names.extension_schemas.update(_EXTENSION_SCHEMA.findall(text))
    return names


def unchecked_schemas(names: Names, platform: str = "supabase") -> frozenset[str]:
    """Schemas whose content cannot be known from SQL text: PostgreSQL's own, the platform's
    that the prelude does not model (storage, realtime, ...), and where extensions went.

    Plain PostgreSQL (`none`) has no platform schemas: a schema named `auth` there is the
    user's, checked like any other.
    """
    modelled = names.schemas - BUILTIN_SCHEMAS
    platform_owned = reserved_schemas(platform) - modelled
    return frozenset(BUILTIN_SCHEMAS | platform_owned | names.extension_schemas)
