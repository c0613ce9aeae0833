"""What one statement of the plan changes on an object that exists on both sides, in words.

`alter table ... alter column total set data type numeric(12,2)` reads as
`column total: type numeric(12, 2) in schema/, numeric in the database`: the rollback's
statement on the same column gives the database's side. Statements that only serve the
plan's mechanics (a NOT VALID constraint's VALIDATE, plan/rewrite.py's temporary NOT NULL
check, an enum's rename aside and its columns re-typed) say nothing of their own.
"""

from __future__ import annotations

import copy
from typing import Any

from pglast import ast, enums

from creo_schema.drift.definitions import compared, function_traits, merged, policy_traits
from creo_schema.drift.model import (
    MISSING,
    UNDECLARED,
    Difference,
    Group,
    Step,
    both,
    names,
    one_line,
    quoted,
    role,
)
from creo_schema.drift.subjects import OLD_ENUM_SUFFIX, literal, sql_text
from creo_schema.source.names import DEFAULT_SCHEMA

AT = enums.AlterTableType
# plan/rewrite.py's temporary check for an online SET NOT NULL: not part of anybody's schema.
NOT_NULL_CHECK = "creo_not_null_"

_ROW_SECURITY = {
    AT.AT_EnableRowSecurity: ("row level security", "enabled in schema/, disabled in the database"),
    AT.AT_DisableRowSecurity: (
        "row level security",
        "disabled in schema/, enabled in the database",
    ),
    AT.AT_ForceRowSecurity: ("forced row level security", "on in schema/, off in the database"),
    AT.AT_NoForceRowSecurity: ("forced row level security", "off in schema/, on in the database"),
}


def phrases(step: Step, group: Group) -> list[Difference]:
    """What the plan's `step` changes, against the rollback's statements in `group`."""
    node = step.node
    if step.backs_constraint:
        return []  # the constraint's own phrase says it
    match node:
        case ast.AlterTableStmt():
            found = (_table_phrase(node, cmd, group) for cmd in node.cmds or ())
            return [d for d in found if d is not None]
        case ast.GrantStmt():
            return [_privilege_phrase(node)]
        case ast.AlterDefaultPrivilegesStmt() if node.action is not None:
            return [_privilege_phrase(node.action)]
        case ast.AlterDomainStmt():
            domain = _domain_phrase(node, group)
            return [domain] if domain is not None else []
        case ast.CommentStmt():
            return [_comment_phrase(node, group)]
        case ast.AlterFunctionStmt():
            before = merged(function_traits(s.node) for s in group.theirs if _is_function(s))
            return compared(before, function_traits(node))
        case ast.AlterPolicyStmt():
            before = merged(policy_traits(s.node) for s in group.theirs if _is_policy(s))
            return compared(before, policy_traits(node))
        case ast.AlterSeqStmt():
            before = merged(sequence_traits(s.node) for s in group.theirs if _is_sequence(s))
            return compared(before, sequence_traits(node))
        case ast.AlterEnumStmt() if node.oldVal:
            return [Difference(f"label '{node.oldVal}'", f"named '{node.newVal}' in schema/")]
        case ast.AlterEnumStmt():
            return [Difference(f"label '{node.newVal}'", MISSING)]
        case ast.UpdateStmt():
            return _row_phrases(node, group)
        case ast.RenameStmt() if str(node.newname).endswith(OLD_ENUM_SUFFIX):
            return []
        case ast.RenameStmt():
            return [Difference("name", one_line(sql_text(node)))]
        case ast.AlterOwnerStmt() | ast.AlterObjectSchemaStmt():
            return [Difference("owner", one_line(sql_text(node)))]
    return [Difference("statement", one_line(step.sql))]


def database_phrases(step: Step) -> list[Difference]:
    """What a rollback statement with no counterpart in the plan says of the database: a
    label the rollback adds back is one the database has and schema/ does not."""
    if isinstance(step.node, ast.AlterEnumStmt) and not step.node.oldVal:
        return [Difference(f"label '{step.node.newVal}'", UNDECLARED)]
    return []


def _is_function(step: Step) -> bool:
    return isinstance(step.node, ast.CreateFunctionStmt | ast.AlterFunctionStmt)


def _is_policy(step: Step) -> bool:
    return isinstance(step.node, ast.CreatePolicyStmt | ast.AlterPolicyStmt)


def _is_sequence(step: Step) -> bool:
    return isinstance(step.node, ast.CreateSeqStmt | ast.AlterSeqStmt)


def sequence_traits(node: Any) -> dict[str, str]:
    """A sequence's options (`restart` is where it is now, not how it is defined)."""
    traits = {}
    for option in node.options or ():
        if option.defname == "restart":
            continue
        traits[option.defname.replace("_", " ")] = _option_value(option.arg)
    return traits


def _option_value(value: Any) -> str:
    if value is None:
        return "yes"
    if isinstance(value, ast.Boolean):
        return "yes" if value.boolval else "no"
    if isinstance(value, ast.Integer | ast.Float):
        return str(getattr(value, "ival", None) if isinstance(value, ast.Integer) else value.fval)
    if isinstance(value, list | tuple):
        return ".".join(names(value))
    return sql_text(value)


def _table_phrase(node: ast.AlterTableStmt, cmd: Any, group: Group) -> Difference | None:
    subtype = AT(cmd.subtype)
    column = cmd.name
    if subtype == AT.AT_AddColumn:
        definition = copy.deepcopy(cmd.def_)
        name, definition.colname = definition.colname, "x"
        return Difference(f"column {name}", f"{MISSING} ({sql_text(definition)[2:]})", name)
    if subtype == AT.AT_DropColumn:
        return Difference(f"column {column}", UNDECLARED, column)
    if subtype in (AT.AT_AlterColumnType, AT.AT_ColumnDefault) and _retyped(column, group):
        return None
    if subtype == AT.AT_AlterColumnType:
        before = their_cmd(group.theirs, subtype, column)
        old = sql_text(before.def_.typeName) if before is not None else None
        return Difference(
            f"column {column}", f"type {both(sql_text(cmd.def_.typeName), old)}", column
        )
    if subtype == AT.AT_ColumnDefault:
        before = their_cmd(group.theirs, subtype, column)
        new = sql_text(cmd.def_) if cmd.def_ is not None else "none"
        old = None if before is None else sql_text(before.def_) if before.def_ else "none"
        return Difference(f"column {column}", f"default {both(new, old)}", column)
    if subtype in (AT.AT_SetNotNull, AT.AT_DropNotNull):
        new, old = ("not null", "nullable")[:: 1 if subtype == AT.AT_SetNotNull else -1]
        return Difference(f"column {column}", both(new, old), column)
    if subtype in (AT.AT_AddConstraint, AT.AT_DropConstraint):
        return _constraint_phrase(cmd, group)
    if subtype in (AT.AT_AddIdentity, AT.AT_SetIdentity, AT.AT_DropIdentity):
        return Difference(f"column {column}", _identity(subtype, cmd, group), column)
    if subtype == AT.AT_SetExpression:
        before = their_cmd(group.theirs, subtype, column)
        old = sql_text(before.def_) if before is not None else None
        text = f"generated as {both(sql_text(cmd.def_), old)}"
        return Difference(f"column {column}", text, column)
    if subtype == AT.AT_ValidateConstraint:
        return None  # the second half of an ADD CONSTRAINT ... NOT VALID
    if subtype in (AT.AT_SetLogged, AT.AT_SetUnLogged):
        new, old = ("logged", "unlogged")[:: 1 if subtype == AT.AT_SetLogged else -1]
        return Difference("persistence", both(new, old))
    security = _ROW_SECURITY.get(subtype)
    if security is not None:
        return Difference(*security)
    if subtype in (AT.AT_SetRelOptions, AT.AT_ResetRelOptions):
        reset = subtype == AT.AT_ResetRelOptions
        options = ", ".join(_option(o, reset) for o in cmd.def_ or ())
        return Difference("options", f"{options} in schema/")
    if subtype == AT.AT_ChangeOwner:
        return Difference("owner", f"{role(cmd.newowner)} in schema/")
    one = copy.deepcopy(node)
    one.cmds = (cmd,)
    aspect = f"column {column}" if column else "change"
    return Difference(aspect, f"{one_line(sql_text(one))} in schema/", column)


def _retyped(column: str | None, group: Group) -> bool:
    """The column is re-typed to an enum the plan replaces, and the rollback does not touch
    it: its type and default are re-set to what they were (the enum's change is its own)."""
    if their_cmd(group.theirs, AT.AT_AlterColumnType, column) is not None:
        return False
    cmd = their_cmd(group.ours, AT.AT_AlterColumnType, column)
    if cmd is None:
        return False
    schema, name = (DEFAULT_SCHEMA, *names(cmd.def_.typeName.names))[-2:]
    return f"{schema}.{name}" in group.replaced_types


def _identity(subtype: Any, cmd: Any, group: Group) -> str:
    """A column's identity: always, by default, or none, in schema/ and in the database."""
    new = _generated(subtype, cmd)
    for other in (AT.AT_AddIdentity, AT.AT_SetIdentity, AT.AT_DropIdentity):
        before = their_cmd(group.theirs, other, cmd.name)
        if before is not None:
            return "identity " + both(new, _generated(other, before))
    return f"identity {both(new, None)}"


def _generated(subtype: Any, cmd: Any) -> str:
    if subtype == AT.AT_DropIdentity:
        return "none"
    if subtype == AT.AT_AddIdentity:
        when = getattr(cmd.def_, "generated_when", "")
    else:
        options = {o.defname: o.arg for o in cmd.def_ or ()}
        when = chr(getattr(options.get("generated"), "ival", 0) or 0)
    return {"a": "generated always", "d": "generated by default"}.get(when, "identity")


def _constraint_phrase(cmd: Any, group: Group) -> Difference | None:
    adding = AT(cmd.subtype) == AT.AT_AddConstraint
    name = cmd.def_.conname if adding else cmd.name
    if not name or name.startswith(NOT_NULL_CHECK):
        return None
    aspect = f"constraint {name}"
    if not adding:
        # Dropped to be added again differently: the ADD says what differs.
        readded = their_cmd(group.ours, AT.AT_AddConstraint, name) is not None
        return None if readded else Difference(aspect, UNDECLARED)
    new = constraint_text(cmd.def_, group.ours)
    before = their_cmd(group.theirs, AT.AT_AddConstraint, name)
    if before is not None:
        return Difference(aspect, both(new, constraint_text(before.def_, group.theirs)))
    if their_cmd(group.ours, AT.AT_DropConstraint, name) is not None:
        return Difference(aspect, f"{new} in schema/")
    return Difference(aspect, f"{MISSING} ({new})")


def constraint_text(node: Any, steps: tuple[Step, ...]) -> str:
    """The constraint's definition as declared (the plan may add it NOT VALID first, or
    build its index first and add it `using index`: then the index says its columns)."""
    indexname = getattr(node, "indexname", None)
    index = next(
        (
            s.node
            for s in steps
            if isinstance(s.node, ast.IndexStmt) and s.node.idxname == indexname
        ),
        None,
    )
    if indexname and index is not None:
        primary = node.contype == enums.ConstrType.CONSTR_PRIMARY
        columns = ", ".join(sql_text(p) for p in index.indexParams or ())
        return f"{'PRIMARY KEY' if primary else 'UNIQUE'} ({columns})"
    shown = copy.deepcopy(node)
    shown.conname, shown.skip_validation, shown.initially_valid = None, False, True
    return sql_text(shown)


def their_cmd(steps: tuple[Step, ...], subtype: Any, name: str | None) -> Any:
    """The ALTER TABLE command of this kind on this column (or constraint), if any."""
    for step in steps:
        if isinstance(step.node, ast.AlterTableStmt):
            for cmd in step.node.cmds or ():
                if AT(cmd.subtype) != subtype:
                    continue
                cmd_name = cmd.def_.conname if subtype == AT.AT_AddConstraint else cmd.name
                if cmd_name == name:
                    return cmd
    return None


def _option(option: Any, reset: bool) -> str:
    return f"{option.defname} not set" if reset else sql_text(option).replace(" = ", "=")


def _domain_phrase(node: ast.AlterDomainStmt, group: Group) -> Difference | None:
    def their(subtype: str, name: str | None = None) -> Any:
        for step in group.theirs:
            other = step.node
            if (
                isinstance(other, ast.AlterDomainStmt)
                and other.subtype == subtype
                and (name is None or getattr(other.def_, "conname", other.name) == name)
            ):
                return other
        return None

    if node.subtype == "T":
        before = their("T")
        old = None if before is None else sql_text(before.def_) if before.def_ else "none"
        return Difference("default", both(sql_text(node.def_) if node.def_ else "none", old))
    if node.subtype in ("O", "N"):
        new, old = ("not null", "nullable")[:: 1 if node.subtype == "O" else -1]
        return Difference("domain", both(new, old))
    if node.subtype == "C" and node.def_ is not None:
        name = getattr(node.def_, "conname", None)
        new = constraint_text(node.def_, group.ours)
        before = their("C", name)
        if before is None:
            return Difference(f"constraint {name}", f"{MISSING} ({new})")
        return Difference(
            f"constraint {name}", both(new, constraint_text(before.def_, group.theirs))
        )
    if node.subtype == "X":
        readded = any(
            isinstance(s.node, ast.AlterDomainStmt)
            and s.node.subtype == "C"
            and getattr(s.node.def_, "conname", None) == node.name
            for s in group.ours
        )
        return None if readded else Difference(f"constraint {node.name}", UNDECLARED)
    if node.subtype == "V":
        return None  # the second half of an ADD CONSTRAINT ... NOT VALID
    return Difference("change", one_line(sql_text(node)))


def _privilege_phrase(node: ast.GrantStmt) -> Difference:
    privileges = ", ".join(_privilege(p) for p in node.privileges or ()) or "all"
    grantees = ", ".join(role(r) for r in node.grantees or ())
    columns = {c for p in node.privileges or () for c in names(p.cols)}
    return Difference(
        f"privilege {privileges} to {grantees}",
        MISSING if node.is_grant else "granted in the database, not in schema/",
        columns.pop() if len(columns) == 1 else None,
    )


def _privilege(node: ast.AccessPriv) -> str:
    columns = names(node.cols)
    return (node.priv_name or "all") + (f" ({', '.join(columns)})" if columns else "")


def _comment_phrase(node: ast.CommentStmt, group: Group) -> Difference:
    def target(comment: ast.CommentStmt) -> str:
        return sql_text(comment.object) if comment.object is not None else ""

    before = next(
        (
            s.node.comment
            for s in group.theirs
            if isinstance(s.node, ast.CommentStmt)
            and s.node.objtype == node.objtype
            and target(s.node) == target(node)
        ),
        None,
    )
    column = names(node.object)[-1] if node.objtype == enums.ObjectType.OBJECT_COLUMN else None
    aspect = f"comment on column {column}" if column else "comment"
    if node.comment is None:
        return Difference(aspect, UNDECLARED, column)
    if before is None:
        return Difference(aspect, MISSING, column)
    return Difference(aspect, both(quoted(node.comment), quoted(before)), column)


def _row_phrases(node: ast.UpdateStmt, group: Group) -> list[Difference]:
    before: dict[str, str] = {}
    for step in group.theirs:
        if isinstance(step.node, ast.UpdateStmt):
            before.update(_assigned(step.node))
    return [
        Difference(column, both(value, before.get(column)))
        for column, value in _assigned(node).items()
    ]


def _assigned(node: ast.UpdateStmt) -> dict[str, str]:
    return {str(target.name): literal(target.val) for target in node.targetList or ()}
