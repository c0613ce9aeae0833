"""Rollbacks recorded by older versions as SQL text only: classified again with pglast.

Plans made today carry their rollback as typed statements, with the hazards the plan gave
them (`HistoryRecord.down_statements`). A migration applied by a version from before those
were recorded has only its rollback's SQL: to roll it back, each statement is parsed and
graded here - what it touches, and its hazards - as those versions graded them. Plain
functions over SQL text; no database. Parsed, never matched with regular expressions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pglast
from pglast import ast, enums

from creo_schema.diff import column_types
from creo_schema.diff.quote import qualified
from creo_schema.plan.hazards import Hazard
from creo_schema.plan_document import PlannedStatement

ObjectType = enums.ObjectType
AT = enums.AlterTableType

_DROP_HAZARDS: dict[Any, tuple[Hazard, ...]] = {
    ObjectType.OBJECT_TABLE: (Hazard.DELETES_DATA, Hazard.ACCESS_EXCLUSIVE_LOCK),
    ObjectType.OBJECT_SCHEMA: (Hazard.DELETES_DATA,),
    ObjectType.OBJECT_SEQUENCE: (Hazard.DELETES_DATA,),
    ObjectType.OBJECT_MATVIEW: (Hazard.DELETES_DATA,),
    ObjectType.OBJECT_TYPE: (Hazard.DELETES_DATA,),
    ObjectType.OBJECT_DOMAIN: (Hazard.DELETES_DATA,),
    ObjectType.OBJECT_INDEX: (Hazard.INDEX_DROPPED,),
    ObjectType.OBJECT_POLICY: (Hazard.WEAKENS_SECURITY,),
    ObjectType.OBJECT_TRIGGER: (),
    ObjectType.OBJECT_EXTENSION: (Hazard.DELETES_DATA,),
}

_ALTER_TABLE_HAZARDS: dict[Any, tuple[Hazard, ...]] = {
    AT.AT_DropColumn: (Hazard.DELETES_DATA, Hazard.ACCESS_EXCLUSIVE_LOCK),
    AT.AT_AlterColumnType: (Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK),
    AT.AT_SetNotNull: (Hazard.ACCESS_EXCLUSIVE_LOCK,),
    AT.AT_DisableRowSecurity: (Hazard.WEAKENS_SECURITY,),
    AT.AT_NoForceRowSecurity: (Hazard.WEAKENS_SECURITY,),
    AT.AT_AddConstraint: (Hazard.ACCESS_EXCLUSIVE_LOCK,),
    AT.AT_DropConstraint: (Hazard.ACCESS_EXCLUSIVE_LOCK,),
    AT.AT_AddColumn: (Hazard.ACCESS_EXCLUSIVE_LOCK,),
}


@dataclass(frozen=True, slots=True)
class Classified:
    kind: str  # pglast node name
    action: str  # create, alter, drop, grant, revoke, comment, other
    target: str  # the object's dotted name where one is known ("public.orders")
    hazards: tuple[Hazard, ...]
    node: ast.Node | None  # the parsed statement, for the rewriter (None: it did not parse)
    table: str = ""  # the table it acts on, when it acts on one (an index's, a policy's)


def classify(sql: str, old_types: Mapping[str, str] | None = None) -> Classified:
    """What `sql` does and risks; `old_types` (`schema.table.column` -> the column's type
    as format_type() writes it, before the statement) tells a widening type change from a
    narrowing one. Without it, every change to a type that can be narrowed counts as one."""
    try:
        node = pglast.parse_sql(sql)[0].stmt
    except Exception:
        return Classified("Unknown", "other", "", (), None)
    kind = type(node).__name__
    if isinstance(node, ast.AlterTableStmt):
        action, target, hazards = _alter_table(node, old_types or {})
    else:
        handler = _HANDLERS.get(kind)
        action, target, hazards = handler(node) if handler else ("other", "", [])
    return Classified(
        kind, action, target, tuple(dict.fromkeys(hazards)), node, _table_of(node, target)
    )


def _table_of(node: ast.Node | None, target: str) -> str:
    relation = getattr(node, "relation", None) or getattr(node, "table", None)
    if isinstance(relation, ast.RangeVar):
        return _range(relation)
    # pglast gives enum fields as members already (typed optional, never None once parsed).
    if isinstance(node, ast.DropStmt) and node.removeType in (
        ObjectType.OBJECT_POLICY,
        ObjectType.OBJECT_TRIGGER,
    ):
        parts = target.split(".")
        return ".".join(parts[:-1]) if len(parts) == 3 else ""
    if isinstance(node, ast.DropStmt) and node.removeType == ObjectType.OBJECT_TABLE:
        return target
    if isinstance(node, ast.GrantStmt) and node.objtype == ObjectType.OBJECT_TABLE:
        return target
    return ""


def _range(rel: ast.RangeVar | None) -> str:
    if rel is None:
        return ""
    return f"{rel.schemaname or 'public'}.{rel.relname}"


def _names(obj: ast.Node | tuple[Any, ...] | list[Any] | None) -> str:
    if isinstance(obj, ast.RangeVar):
        return _range(obj)
    if isinstance(obj, tuple | list):
        return ".".join(getattr(part, "sval", str(part)) for part in obj)
    if isinstance(obj, ast.ObjectWithArgs):
        return _names(obj.objname)
    return getattr(obj, "sval", "")


def _drop(node: ast.DropStmt) -> tuple[str, str, list[Hazard]]:
    target = _names(node.objects[0]) if node.objects else ""
    hazards = list(_DROP_HAZARDS.get(node.removeType, ()))
    if node.concurrent:
        hazards.append(Hazard.NOT_TRANSACTIONAL)
    return "drop", target, hazards


def _alter_table(
    node: ast.AlterTableStmt, old_types: Mapping[str, str]
) -> tuple[str, str, list[Hazard]]:
    table = _range(node.relation)
    hazards: list[Hazard] = []
    for cmd in node.cmds or ():
        subtype = AT(cmd.subtype)
        found = list(_ALTER_TABLE_HAZARDS.get(subtype, (Hazard.ACCESS_EXCLUSIVE_LOCK,)))
        if subtype == AT.AT_AlterColumnType:
            change = column_types.type_change(old_types.get(f"{table}.{cmd.name}"), cmd.def_)
            if change.narrows:
                found.append(Hazard.DELETES_DATA)
            if not change.rewrites:
                found.remove(Hazard.REWRITES_TABLE)
        if subtype == AT.AT_AddConstraint and _foreign_key(cmd.def_):
            # ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE (on both tables): writes wait, reads
            # do not. Every other ADD CONSTRAINT, NOT VALID or not, takes ACCESS EXCLUSIVE;
            # NOT VALID only makes it brief (no scan).
            found = [h for h in found if h is not Hazard.ACCESS_EXCLUSIVE_LOCK]
            found.append(Hazard.SHARE_LOCK)
        if subtype == AT.AT_ValidateConstraint:
            found = [h for h in found if h is not Hazard.ACCESS_EXCLUSIVE_LOCK]
        hazards += found
    return "alter", table, hazards


def _foreign_key(constraint: ast.Node | None) -> bool:
    return getattr(constraint, "contype", None) == enums.ConstrType.CONSTR_FOREIGN


def _index(node: ast.IndexStmt) -> tuple[str, str, list[Hazard]]:
    hazards = [Hazard.INDEX_BUILD]
    hazards.append(Hazard.NOT_TRANSACTIONAL if node.concurrent else Hazard.SHARE_LOCK)
    assert node.relation is not None  # an index is always on a relation
    return "create", f"{node.relation.schemaname or 'public'}.{node.idxname or ''}", hazards


def _grant(node: ast.GrantStmt) -> tuple[str, str, list[Hazard]]:
    target = _names(node.objects[0]) if node.objects else ""
    hazards: list[Hazard] = []
    widening = node.is_grant and any(
        g.roletype == enums.RoleSpecType.ROLESPEC_PUBLIC or getattr(g, "rolename", "") == "anon"
        for g in node.grantees or ()
    )
    if widening:
        hazards.append(Hazard.WEAKENS_SECURITY)
    return ("grant" if node.is_grant else "revoke"), target, hazards


def _view(node: ast.ViewStmt) -> tuple[str, str, list[Hazard]]:
    options = {getattr(o, "defname", ""): o for o in node.options or ()}
    hazards: list[Hazard] = []
    invoker = options.get("security_invoker")
    if invoker is None or str(
        getattr(invoker.arg, "sval", getattr(invoker.arg, "ival", ""))
    ).lower() in ("false", "off", "0"):
        hazards.append(Hazard.WEAKENS_SECURITY)
    return "create", _range(node.view), hazards


def _function(node: ast.CreateFunctionStmt) -> tuple[str, str, list[Hazard]]:
    options = {getattr(o, "defname", ""): o for o in node.options or ()}
    definer = options.get("security")
    is_definer = definer is not None and bool(getattr(definer.arg, "boolval", definer.arg))
    fixed_path = any(
        getattr(o, "defname", "") == "set" and getattr(o.arg, "name", "") == "search_path"
        for o in node.options or ()
    )
    hazards = [Hazard.WEAKENS_SECURITY] if is_definer and not fixed_path else []
    return "create", _names(node.funcname), hazards


def _policy(node: ast.CreatePolicyStmt | ast.AlterPolicyStmt) -> tuple[str, str, list[Hazard]]:
    hazards = [Hazard.WEAKENS_SECURITY] if isinstance(node, ast.AlterPolicyStmt) else []
    return (
        ("create" if isinstance(node, ast.CreatePolicyStmt) else "alter"),
        _range(node.table),
        hazards,
    )


_HANDLERS: dict[str, Any] = {
    "DropStmt": _drop,
    "AlterTableStmt": _alter_table,
    "IndexStmt": _index,
    "GrantStmt": _grant,
    "ViewStmt": _view,
    "CreateFunctionStmt": _function,
    "CreatePolicyStmt": _policy,
    "AlterPolicyStmt": _policy,
    "CreateStmt": lambda n: ("create", _range(n.relation), []),
    "TruncateStmt": lambda n: ("other", _range(n.relations[0]), [Hazard.DELETES_DATA]),
    "CommentStmt": lambda n: ("comment", "", []),
    "RenameStmt": lambda n: ("alter", _range(n.relation), [Hazard.ACCESS_EXCLUSIVE_LOCK]),
    "DeleteStmt": lambda n: ("other", _range(n.relation), [Hazard.DELETES_DATA]),
}


def planned_from_sql(text: str) -> tuple[PlannedStatement, ...]:
    """A recorded rollback's SQL as planned statements, all in the main transaction."""
    parts = [part.strip() for part in pglast.split(text)] if text.strip() else []
    return tuple(_planned(part) for part in parts if part)


def _planned(text: str) -> PlannedStatement:
    item = classify(text)
    return PlannedStatement(
        sql=text,
        kind="row" if item.kind in ("InsertStmt", "UpdateStmt", "DeleteStmt") else item.kind,
        action=item.action,
        operation=item.kind,
        target=item.target,
        table=qualified(*item.table.split(".", 1)) if "." in item.table else item.table,
        hazards=tuple(h.value for h in item.hazards),
    )
