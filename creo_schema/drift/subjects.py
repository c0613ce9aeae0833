"""Which object a plan statement touches, named as a reviewer would name it.

A table's ALTERs, comments and grants are about the table; a policy, a trigger, a function
or a reference row is an object of its own. Objects that share a `group` are one drifted
object in the report. Relations, indexes and types share PostgreSQL's namespace (`pg_class`
and `pg_type`), so a grant `on table` of a view lands in the view's group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pglast import ast, enums
from pglast.stream import RawStream

from creo_schema.source.names import DEFAULT_SCHEMA

# The engine replaces an enum by renaming the old one to this suffix, then dropping it.
OLD_ENUM_SUFFIX = "__old_version_to_be_dropped"

OT = enums.ObjectType
_KINDS = {
    OT.OBJECT_TABLE: "table",
    OT.OBJECT_VIEW: "view",
    OT.OBJECT_MATVIEW: "materialized view",
    OT.OBJECT_INDEX: "index",
    OT.OBJECT_SEQUENCE: "sequence",
    OT.OBJECT_FOREIGN_TABLE: "foreign table",
    OT.OBJECT_FUNCTION: "function",
    OT.OBJECT_PROCEDURE: "procedure",
    OT.OBJECT_ROUTINE: "function",
    OT.OBJECT_AGGREGATE: "aggregate",
    OT.OBJECT_TYPE: "type",
    OT.OBJECT_DOMAIN: "domain",
    OT.OBJECT_SCHEMA: "schema",
    OT.OBJECT_EXTENSION: "extension",
    OT.OBJECT_POLICY: "policy",
    OT.OBJECT_TRIGGER: "trigger",
    OT.OBJECT_RULE: "rule",
    OT.OBJECT_COLUMN: "table",
    OT.OBJECT_TABCONSTRAINT: "table",
    OT.OBJECT_LARGEOBJECT: "large object",  # default privileges ON LARGE OBJECTS (18)
}
_ROUTINES = frozenset({"function", "procedure", "aggregate"})
_ON_TABLE = frozenset({"policy", "trigger", "rule"})
_INPUT_MODES = frozenset({"i", "b", "v", "d"})  # IN, INOUT, VARIADIC, unspecified
_CAST = re.compile(
    r"CAST\(('(?:[^']|'')*'|\d+(?:\.\d+)?) AS ([\w.\"\[\]]+(?:\(\d+(?:, \d+)?\))?)\)"
)


@dataclass(frozen=True, slots=True)
class Subject:
    """The object one statement touches."""

    kind: str  # table, view, function, policy, trigger, index, type, row, statement, ...
    name: str  # as shown: public.notes, public.f(uuid), "notes: read" on public.notes
    group: tuple[str, ...]  # statements whose subjects share it describe one object
    relation: str = ""  # schema.name of the relation it is, or is on (policy, trigger, row)
    routine: str = ""  # schema.name of a function or procedure
    input_args: int | None = None
    own_name: str = ""  # a policy's, trigger's or rule's own name
    row_key: tuple[tuple[str, str], ...] = ()  # a reference row's primary key, as literals
    column: str | None = None  # the column a comment or rename is about


def subject_of(
    node: Any, sql: str, deleted_rows: dict[str, list[dict[str, str]]]
) -> Subject | None:
    """None for a session setting (`set check_function_bodies = off`): it changes nothing.

    `deleted_rows`: per table, the keys the rollback deletes: an INSERT's row is named by
    the one whose values it holds (the INSERT itself does not say which columns are the key).
    """
    match node:
        case ast.VariableSetStmt():
            return None
        case ast.SelectStmt() if node.fromClause is None and all(
            isinstance(t.val, ast.A_Const) for t in node.targetList or ()
        ):
            return None  # `select 1`: a no-op some engine fix-ups leave in place
        case ast.AlterDefaultPrivilegesStmt():
            return _default_privileges(node)
        case ast.CreateForeignTableStmt():
            return relation_subject("foreign table", getattr(node.base, "relation", None))
        case ast.CreateStmt():
            return relation_subject("table", node.relation)
        case ast.AlterTableStmt():
            return relation_subject(_kind(node.objtype), node.relation)
        case ast.ViewStmt():
            return relation_subject("view", node.view)
        case ast.CreateTableAsStmt():
            return relation_subject("materialized view", getattr(node.into, "rel", None))
        case ast.IndexStmt() if node.idxname:
            schema = getattr(node.relation, "schemaname", None) or DEFAULT_SCHEMA
            return _named("index", (schema, node.idxname))
        case ast.CreateSeqStmt() | ast.AlterSeqStmt():
            return relation_subject("sequence", node.sequence)
        case ast.CreateFunctionStmt():
            kind = "procedure" if node.is_procedure else "function"
            types = [p.argType for p in node.parameters or () if _mode(p) in _INPUT_MODES]
            return _routine(kind, node.funcname, types)
        case ast.AlterFunctionStmt():
            return _object_subject(node.objtype, node.func)
        case ast.CreatePolicyStmt() | ast.AlterPolicyStmt():
            return _on_table("policy", relation_key(node.table), node.policy_name)
        case ast.CreateTrigStmt():
            return _on_table("trigger", relation_key(node.relation), node.trigname)
        case ast.CreateEnumStmt() | ast.AlterEnumStmt() | ast.CreateRangeStmt():
            return _named("type", _names(node.typeName))
        case ast.CreateDomainStmt():
            return _named("domain", _names(node.domainname))
        case ast.AlterDomainStmt():
            return _named("domain", _names(node.typeName))
        case ast.CompositeTypeStmt():
            return relation_subject("type", node.typevar)
        case ast.CreateSchemaStmt():
            return _plain("schema", node.schemaname)
        case ast.CreateExtensionStmt() | ast.AlterExtensionStmt():
            return _plain("extension", node.extname)
        case ast.RenameStmt() | ast.AlterOwnerStmt() | ast.AlterObjectSchemaStmt():
            return _renamed(node)
        case ast.DropStmt() if node.objects:
            return _object_subject(node.removeType, node.objects[0])
        case ast.CommentStmt():
            return _object_subject(node.objtype, node.object)
        case ast.GrantStmt() if (
            node.objects and node.targtype == enums.GrantTargetType.ACL_TARGET_OBJECT
        ):
            return _object_subject(node.objtype, node.objects[0])
        case ast.InsertStmt() | ast.UpdateStmt() | ast.DeleteStmt():
            return _row(node, deleted_rows)
    shown = " ".join(sql.split())
    return Subject("statement", shown if len(shown) <= 60 else shown[:59] + "…", ("sql", sql))


def relation_key(node: Any) -> str:
    return f"{node.schemaname or DEFAULT_SCHEMA}.{node.relname}"


def relation_subject(kind: str, node: Any, column: str | None = None) -> Subject:
    return _named(kind, (node.schemaname or DEFAULT_SCHEMA, node.relname), column=column)


def _named(kind: str, names: tuple[str, ...], *, column: str | None = None) -> Subject:
    schema, name = (DEFAULT_SCHEMA, *names)[-2:]
    name = name.removesuffix(OLD_ENUM_SUFFIX)
    key = f"{schema}.{name}"
    return Subject(kind, key, ("relation", key), relation=key, column=column)


def _routine(kind: str, names: Any, types: list[Any]) -> Subject:
    schema, name = (DEFAULT_SCHEMA, *_names(names))[-2:]
    arguments = ", ".join(_type_name(t) for t in types)
    key = f"{schema}.{name}"
    return Subject(
        kind,
        f"{key}({arguments})",
        ("routine", key, arguments),
        routine=key,
        input_args=len(types),
    )


def _plain(kind: str, name: Any) -> Subject:
    return Subject(kind, str(name), (kind, str(name)))


def _kind(objtype: Any) -> str:
    found = OT(objtype)
    return _KINDS.get(found, found.name.removeprefix("OBJECT_").lower().replace("_", " "))


def _type_name(node: Any) -> str:
    """An argument's type as CREATE FUNCTION shows it: comments and grants write
    `pg_catalog.uuid` and `public.scope` where pg_get_functiondef writes `uuid`, `scope`."""
    text = sql_text(node)
    for schema in ("pg_catalog.", f"{DEFAULT_SCHEMA}."):
        text = text.removeprefix(schema)
    return text


def _on_table(kind: str, table: str, name: Any) -> Subject:
    name = str(name)
    shown = f'"{name}" on {table}' if kind == "policy" else f"{name} on {table}"
    return Subject(kind, shown, (kind, table, name), relation=table, own_name=name)


def _object_subject(objtype: Any, obj: Any) -> Subject:
    kind, objtype = _kind(objtype), OT(objtype)
    if isinstance(obj, ast.RangeVar):
        return relation_subject(kind, obj)
    if isinstance(obj, ast.ObjectWithArgs):
        return _routine(kind, obj.objname, list(obj.objargs or ()))
    if isinstance(obj, ast.TypeName):
        return _named(kind, _names(obj.names))
    if isinstance(obj, ast.String):
        return _plain(kind, obj.sval)
    names = _names(obj)
    if kind in _ON_TABLE and len(names) >= 2:
        schema, table = (DEFAULT_SCHEMA, *names[:-1])[-2:]
        return _on_table(kind, f"{schema}.{table}", names[-1])
    if objtype in (OT.OBJECT_COLUMN, OT.OBJECT_TABCONSTRAINT) and len(names) >= 2:
        column = names[-1] if objtype == OT.OBJECT_COLUMN else None
        return _named("table", names[:-1], column=column)
    if kind in _ROUTINES:
        return _routine(kind, obj, [])
    return _named(kind, names)


def _renamed(node: Any) -> Subject:
    kind_of: Any = node.renameType if isinstance(node, ast.RenameStmt) else node.objectType
    kind_of = OT(kind_of)
    relation = getattr(node, "relation", None)
    if relation is not None:
        if kind_of == OT.OBJECT_COLUMN:
            return relation_subject(_kind(node.relationType), relation)
        return relation_subject(_kind(kind_of), relation)
    return _object_subject(kind_of, node.object)


def _default_privileges(node: ast.AlterDefaultPrivilegesStmt) -> Subject:
    options = {option.defname: option.arg for option in node.options or ()}
    roles = ", ".join(
        str(getattr(r, "rolename", None) or "public") for r in options.get("roles") or ()
    )
    schemas = ", ".join(_names(options.get("schemas")))
    objtype = _kind(node.action.objtype) if node.action is not None else "objects"
    on = f"{' in schema ' + schemas if schemas else ''} on {objtype}s"
    # Grouped without the role: schema/ often leaves it out (the role running the schema),
    # which the database then names (postgres).
    name = f"for role {roles or 'the current user'}{on}"
    return Subject("default privileges", name, ("default privileges", on))


def _row(node: Any, deleted_rows: dict[str, list[dict[str, str]]]) -> Subject:
    table = relation_key(node.relation)
    if isinstance(node, ast.InsertStmt):
        values = _inserted(node)
        key = next(
            (k for k in deleted_rows.get(table, []) if k.items() <= values.items()),
            dict(list(values.items())[:1]),
        )
    else:
        key = where_equalities(node.whereClause)
    shown = ", ".join(f"{column} = {value}" for column, value in key.items())
    return Subject(
        "row",
        f"{table} ({shown})",
        ("row", table, *(f"{c}={v}" for c, v in key.items())),
        relation=table,
        row_key=tuple(key.items()),
    )


def _inserted(node: ast.InsertStmt) -> dict[str, str]:
    select = node.selectStmt
    rows = getattr(select, "valuesLists", None) or ()
    columns = [target.name for target in node.cols or ()]
    if not rows or len(rows[0]) != len(columns):
        return {}
    return {column: literal(value) for column, value in zip(columns, rows[0], strict=True)}


def where_equalities(clause: Any) -> dict[str, str]:
    """`"key" = 'mode'::text and ...` as {"key": "'mode'"} (the rows' statements' shape)."""
    terms = clause.args if isinstance(clause, ast.BoolExpr) else (clause,)
    found: dict[str, str] = {}
    for term in terms or ():
        if isinstance(term, ast.A_Expr) and isinstance(term.lexpr, ast.ColumnRef):
            column = getattr((term.lexpr.fields or ("?",))[-1], "sval", "?")
            found[column] = literal(term.rexpr)
    return found


def literal(node: Any) -> str:
    """A constant as SQL without its cast: `'mode'::text` -> `'mode'`; 10 -> `10`."""
    while isinstance(node, ast.TypeCast):
        node = node.arg
    if isinstance(node, ast.A_Const):
        if node.isnull:
            return "null"
        value = node.val
        if isinstance(value, ast.String):
            return "'" + str(value.sval).replace("'", "''") + "'"
        if isinstance(value, ast.Boolean):
            return "true" if value.boolval else "false"
        return str(getattr(value, "ival", getattr(value, "fval", value)))
    return sql_text(node)


def sql_text(node: Any) -> str:
    """A node as SQL, with simple casts written `'x'::type` as PostgreSQL shows them."""
    return _CAST.sub(r"\1::\2", RawStream()(node))


def _names(names: Any) -> tuple[str, ...]:
    return tuple(getattr(n, "sval", str(n)) for n in names or ())


def _mode(parameter: Any) -> str:
    mode = parameter.mode
    return str(getattr(mode, "value", mode))
