"""What drifted, object by object, in words: read from the plan alone.

A plan's statements bring the database to schema/; its rollback brings it back, so the
rollback holds the database's side of every difference: the function as the database has
it, a column's current type, a row's current values. Statements are grouped by the object
they touch (drift_subjects.py); each group is described against the rollback's statements
on the same object: missing from the database (the plan creates it), not declared in
schema/ (the plan drops it), or different, naming what differs and showing a short diff of
a body or definition. Whole statements are never the description.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pglast
from pglast import ast, enums

from creo_schema.drift_subjects import Subject, literal, sql_text, subject_of, where_equalities
from creo_schema.plan.model import PlannedStatement

MAX_DIFF_LINES = 20
DIFF_CONTEXT = 2
MAX_VALUE = 80
# plan/rewrite.py's temporary check for an online SET NOT NULL: not part of anybody's schema.
NOT_NULL_CHECK = "creo_not_null_"

MISSING = "missing from the database"
UNDECLARED = "in the database, not declared in schema/"

AT = enums.AlterTableType
_DEFINING = (
    ast.CreateStmt,
    ast.ViewStmt,
    ast.CreateTableAsStmt,
    ast.IndexStmt,
    ast.CreateSeqStmt,
    ast.CreateFunctionStmt,
    ast.CreatePolicyStmt,
    ast.CreateTrigStmt,
    ast.CreateEnumStmt,
    ast.CreateRangeStmt,
    ast.CreateDomainStmt,
    ast.CompositeTypeStmt,
    ast.CreateSchemaStmt,
    ast.CreateExtensionStmt,
    ast.InsertStmt,
)
# A trait a function or policy has when its definition does not say otherwise.
_DEFAULT_TRAITS = {
    "volatility": "volatile",
    "security definer": "no",
    "strict": "no",
    "leakproof": "no",
    "parallel": "unsafe",
    "with check": "none",
    "using": "none",
}


@dataclass(frozen=True, slots=True)
class Difference:
    aspect: str  # search_path, column total, privilege select to anon, comment, ...
    text: str  # e.g. "'' in schema/, 'public' in the database"
    column: str | None = None  # the column it is about, to point at the column's line

    def __str__(self) -> str:
        return f"{self.aspect}: {self.text}"


@dataclass(frozen=True, slots=True)
class Change:
    """One drifted object: what the database lacks, has extra, or has otherwise."""

    subject: Subject
    action: str  # create (missing), drop (undeclared), alter, recreate (unchanged itself)
    differences: tuple[Difference, ...]
    diff: tuple[str, ...]  # a unified diff, `-` the database, `+` schema/, capped
    statements: tuple[PlannedStatement, ...]

    @property
    def summary(self) -> str:
        if self.action == "create":
            return f"{MISSING}: the plan creates it"
        if self.action == "drop":
            return f"{UNDECLARED}: the plan drops it"
        if self.action == "recreate":
            return "re-created unchanged, around a change to an object it depends on"
        aspects = list(dict.fromkeys(d.aspect for d in self.differences))
        if self.diff:
            aspects.append(_diff_aspect(self.subject.kind))
        return "differs from schema/: " + ", ".join(aspects)

    @property
    def column(self) -> str | None:
        """The one column every difference is about, if there is one."""
        columns = {d.column for d in self.differences}
        return columns.pop() if len(columns) == 1 and not self.diff else None


@dataclass(frozen=True, slots=True)
class _Statement:
    planned: PlannedStatement
    node: Any
    subject: Subject

    @property
    def sql(self) -> str:
        return self.planned.sql


def changes(
    statements: Sequence[PlannedStatement], rollback: Sequence[PlannedStatement]
) -> list[Change]:
    """The drifted objects, in the order the plan first touches them."""
    deleted = _deleted_rows(rollback)
    ours = _grouped(statements, deleted)
    theirs = _grouped(rollback, deleted)
    return [_change(group, theirs.get(key, [])) for key, group in ours.items()]


def _grouped(
    statements: Iterable[PlannedStatement], deleted: dict[str, list[dict[str, str]]]
) -> dict[tuple[str, ...], list[_Statement]]:
    groups: dict[tuple[str, ...], list[_Statement]] = {}
    for planned in statements:
        node = _parse(planned.sql)
        subject = subject_of(node, planned.sql, deleted)
        if subject is not None:
            groups.setdefault(subject.group, []).append(_Statement(planned, node, subject))
    return groups


def _parse(sql: str) -> Any:
    try:
        return pglast.parse_sql(sql)[0].stmt
    except Exception:  # a statement pglast cannot read is still shown, as SQL
        return None


def _deleted_rows(rollback: Iterable[PlannedStatement]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for planned in rollback:
        if planned.kind and planned.kind != "DeleteStmt":
            continue
        node = _parse(planned.sql)
        if isinstance(node, ast.DeleteStmt) and node.relation is not None:
            table = f"{node.relation.schemaname or 'public'}.{node.relation.relname}"
            found.setdefault(table, []).append(where_equalities(node.whereClause))
    return found


def _change(ours: list[_Statement], theirs: list[_Statement]) -> Change:
    subject = _shown_subject(ours)
    planned = tuple(s.planned for s in ours)
    new, old = _definition(ours), _definition(theirs)
    if new is not None and old is None:
        return Change(subject, "create", (), (), planned)
    if new is None and any(_drops_itself(s) for s in ours):
        return Change(subject, "drop", (), (), planned)
    differences: list[Difference] = []
    diff: tuple[str, ...] = ()
    if new is not None and old is not None:
        differences, diff = _compare(old, new)
    # A statement the rollback repeats word for word is done around the change, not part of it.
    repeated = {s.sql for s in theirs}
    for statement in ours:
        if statement is new or statement.sql in repeated or _drops_itself(statement):
            continue
        differences += _phrases(statement, ours, theirs)
    action = "alter" if differences or diff else "recreate"
    return Change(subject, action, tuple(dict.fromkeys(differences)), diff, planned)


def _shown_subject(group: list[_Statement]) -> Subject:
    """A grant says `on table` for a view too: any other statement names the kind better."""
    for statement in group:
        if not isinstance(statement.node, ast.GrantStmt):
            return statement.subject
    return group[0].subject


def _definition(group: list[_Statement]) -> _Statement | None:
    found = [s for s in group if isinstance(s.node, _DEFINING)]
    return found[-1] if found else None


def _drops_itself(statement: _Statement) -> bool:
    return isinstance(statement.node, ast.DropStmt | ast.DeleteStmt)


# -- a replaced object: the database's definition against schema/'s -----------------------


def _compare(old: _Statement, new: _Statement) -> tuple[list[Difference], tuple[str, ...]]:
    if isinstance(new.node, ast.CreateFunctionStmt) and isinstance(
        old.node, ast.CreateFunctionStmt
    ):
        traits = _compared(function_traits(old.node), function_traits(new.node))
        # The body's first and last lines are mostly the blank ones around $$: no context.
        body = [_body(n).strip("\n") for n in (old.node, new.node)]
        return traits, text_diff(*body)
    if isinstance(new.node, ast.CreatePolicyStmt) and isinstance(old.node, ast.CreatePolicyStmt):
        return _compared(policy_traits(old.node), policy_traits(new.node)), ()
    if isinstance(new.node, ast.CreateEnumStmt) and isinstance(old.node, ast.CreateEnumStmt):
        labels = [_labels(old.node), _labels(new.node)]
        return _compared({"labels": labels[0]}, {"labels": labels[1]}), ()
    if " ".join(old.sql.split()) == " ".join(new.sql.split()):
        return [], ()
    return [], text_diff(old.sql, new.sql)


def function_traits(node: Any) -> dict[str, str]:
    """What a CREATE FUNCTION (or the actions of an ALTER FUNCTION) says, by trait."""
    traits: dict[str, str] = {}
    if isinstance(node, ast.CreateFunctionStmt):
        parameters = node.parameters or ()
        traits["arguments"] = ", ".join(sql_text(p) for p in parameters) or "none"
        if node.returnType is not None:
            traits["returns"] = sql_text(node.returnType)
        options = node.options or ()
    else:
        options = node.actions or ()
    for option in options:
        name, value = option.defname, option.arg
        if name == "as":
            continue
        if name == "set":
            traits[value.name or "all settings"] = _setting(value)
        elif name in ("security", "strict", "leakproof", "window"):
            label = "security definer" if name == "security" else name
            traits[label] = "yes" if getattr(value, "boolval", True) else "no"
        else:
            traits[name] = str(getattr(value, "sval", None) or sql_text(value))
    return traits


def _setting(statement: Any) -> str:
    kind = enums.VariableSetKind(statement.kind)
    if kind == enums.VariableSetKind.VAR_SET_VALUE:
        return ", ".join(sql_text(a) for a in statement.args or ())
    if kind == enums.VariableSetKind.VAR_SET_CURRENT:
        return "from current"
    return "not set"


def _body(node: ast.CreateFunctionStmt) -> str:
    for option in node.options or ():
        if option.defname == "as":
            return "\n".join(getattr(part, "sval", "") for part in option.arg or ())
    return sql_text(node.sql_body) if node.sql_body is not None else ""


def policy_traits(node: Any) -> dict[str, str]:
    traits: dict[str, str] = {}
    if isinstance(node, ast.CreatePolicyStmt):
        traits["as"] = "permissive" if node.permissive else "restrictive"
        traits["for"] = node.cmd_name or "all"
        traits["using"] = sql_text(node.qual) if node.qual is not None else "none"
        traits["with check"] = sql_text(node.with_check) if node.with_check is not None else "none"
    else:
        if node.qual is not None:
            traits["using"] = sql_text(node.qual)
        if node.with_check is not None:
            traits["with check"] = sql_text(node.with_check)
    if node.roles:
        traits["to"] = ", ".join(_role(r) for r in node.roles)
    return traits


def _labels(node: ast.CreateEnumStmt) -> str:
    return ", ".join(f"'{getattr(v, 'sval', v)}'" for v in node.vals or ())


def _compared(old: dict[str, str], new: dict[str, str]) -> list[Difference]:
    out = []
    for trait, value in new.items():
        before = old.get(trait, _DEFAULT_TRAITS.get(trait, "not set"))
        if before != value:
            out.append(Difference(trait, _both(value, before)))
    for trait, before in old.items():
        if trait not in new and before != _DEFAULT_TRAITS.get(trait, "not set"):
            out.append(Difference(trait, _both(_DEFAULT_TRAITS.get(trait, "not set"), before)))
    return out


def text_diff(old: str, new: str) -> tuple[str, ...]:
    """A unified diff from the database's text to schema/'s, a few lines of context, capped."""
    lines = list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=DIFF_CONTEXT)
    )[2:]  # the ---/+++ header names no file here
    if len(lines) > MAX_DIFF_LINES:
        more = len(lines) - MAX_DIFF_LINES
        lines = [*lines[:MAX_DIFF_LINES], f"… {more} more line{'s' if more != 1 else ''}"]
    return tuple(lines)


def _diff_aspect(kind: str) -> str:
    return "body" if kind in ("function", "procedure", "aggregate") else "definition"


# -- an altered object: one phrase per thing a statement changes ---------------------------


def _phrases(
    statement: _Statement, ours: list[_Statement], theirs: list[_Statement]
) -> list[Difference]:
    node = statement.node
    match node:
        case ast.AlterTableStmt():
            return [
                d
                for cmd in node.cmds or ()
                if (d := _table_phrase(node, cmd, ours, theirs)) is not None
            ]
        case ast.GrantStmt():
            return [_privilege_phrase(node)]
        case ast.CommentStmt():
            return [_comment_phrase(node, theirs)]
        case ast.AlterFunctionStmt():
            before = _merged(function_traits(s.node) for s in theirs if _is_function(s.node))
            return _compared(before, function_traits(node))
        case ast.AlterPolicyStmt():
            before = _merged(policy_traits(s.node) for s in theirs if _is_policy(s.node))
            return _compared(before, policy_traits(node))
        case ast.AlterEnumStmt() if node.oldVal:
            return [Difference(f"label '{node.oldVal}'", f"named '{node.newVal}' in schema/")]
        case ast.AlterEnumStmt():
            return [Difference(f"label '{node.newVal}'", MISSING)]
        case ast.UpdateStmt():
            return _row_phrases(node, theirs)
        case ast.RenameStmt() | ast.AlterObjectSchemaStmt() | ast.AlterOwnerStmt():
            return [
                Difference(
                    "name" if isinstance(node, ast.RenameStmt) else "owner", _line(sql_text(node))
                )
            ]
    return [Difference("statement", _line(statement.sql))]


def _is_function(node: Any) -> bool:
    return isinstance(node, ast.CreateFunctionStmt | ast.AlterFunctionStmt)


def _is_policy(node: Any) -> bool:
    return isinstance(node, ast.CreatePolicyStmt | ast.AlterPolicyStmt)


def _merged(traits: Iterable[dict[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for found in traits:
        out.update(found)
    return out


def _table_phrase(
    node: ast.AlterTableStmt, cmd: Any, ours: list[_Statement], theirs: list[_Statement]
) -> Difference | None:
    subtype = AT(cmd.subtype)
    column = cmd.name
    if subtype == AT.AT_AddColumn:
        definition = copy.deepcopy(cmd.def_)
        name, definition.colname = definition.colname, "x"
        return Difference(f"column {name}", f"{MISSING} ({sql_text(definition)[2:]})", name)
    if subtype == AT.AT_DropColumn:
        return Difference(f"column {column}", UNDECLARED, column)
    if subtype == AT.AT_AlterColumnType:
        before = _their_cmd(theirs, subtype, column)
        new = sql_text(cmd.def_.typeName)
        old = sql_text(before.def_.typeName) if before is not None else None
        return Difference(f"column {column}", f"type {_both(new, old)}", column)
    if subtype == AT.AT_ColumnDefault:
        before = _their_cmd(theirs, subtype, column)
        new = sql_text(cmd.def_) if cmd.def_ is not None else "none"
        old = None if before is None else sql_text(before.def_) if before.def_ else "none"
        return Difference(f"column {column}", f"default {_both(new, old)}", column)
    if subtype in (AT.AT_SetNotNull, AT.AT_DropNotNull):
        states = ("not null", "nullable")
        new, old = states if subtype == AT.AT_SetNotNull else states[::-1]
        return Difference(f"column {column}", _both(new, old), column)
    if subtype in (AT.AT_AddConstraint, AT.AT_DropConstraint):
        return _constraint_phrase(cmd, ours, theirs)
    if subtype == AT.AT_ValidateConstraint:
        return None  # the second half of an ADD CONSTRAINT ... NOT VALID
    security = _ROW_SECURITY.get(subtype)
    if security is not None:
        return Difference(*security)
    if subtype in (AT.AT_SetRelOptions, AT.AT_ResetRelOptions):
        options = ", ".join(_option(o, subtype == AT.AT_ResetRelOptions) for o in cmd.def_ or ())
        return Difference("options", f"{options} in schema/")
    if subtype == AT.AT_ChangeOwner:
        return Difference("owner", f"{_role(cmd.newowner)} in schema/")
    one = copy.deepcopy(node)
    one.cmds = (cmd,)
    return Difference("change", _line(sql_text(one)))


_ROW_SECURITY = {
    AT.AT_EnableRowSecurity: ("row level security", "enabled in schema/, disabled in the database"),
    AT.AT_DisableRowSecurity: (
        "row level security",
        "disabled in schema/, enabled in the database",
    ),
    AT.AT_ForceRowSecurity: ("forced row level security", "on in schema/, off in the database"),
    AT.AT_NoForceRowSecurity: ("forced row level security", "off in schema/, on in the database"),
}


def _constraint_phrase(
    cmd: Any, ours: list[_Statement], theirs: list[_Statement]
) -> Difference | None:
    adding = AT(cmd.subtype) == AT.AT_AddConstraint
    name = cmd.def_.conname if adding else cmd.name
    if not name or name.startswith(NOT_NULL_CHECK):
        return None
    aspect = f"constraint {name}"
    added = _their_cmd(ours, AT.AT_AddConstraint, name)
    if not adding:
        # Dropped to be added again differently: the ADD says what differs.
        return None if added is not None else Difference(aspect, UNDECLARED)
    new = _constraint(cmd.def_)
    before = _their_cmd(theirs, AT.AT_AddConstraint, name)
    if before is not None:
        return Difference(aspect, _both(new, _constraint(before.def_)))
    if _their_cmd(ours, AT.AT_DropConstraint, name) is not None:
        return Difference(aspect, f"{new} in schema/")
    return Difference(aspect, f"{MISSING} ({new})")


def _constraint(node: Any) -> str:
    """The constraint's definition as declared (the plan may add it NOT VALID first)."""
    shown = copy.deepcopy(node)
    shown.conname, shown.skip_validation, shown.initially_valid = None, False, True
    return sql_text(shown)


def _their_cmd(group: list[_Statement], subtype: Any, name: str | None) -> Any:
    for statement in group:
        if isinstance(statement.node, ast.AlterTableStmt):
            for cmd in statement.node.cmds or ():
                if AT(cmd.subtype) != subtype:
                    continue
                cmd_name = cmd.def_.conname if subtype == AT.AT_AddConstraint else cmd.name
                if cmd_name == name:
                    return cmd
    return None


def _option(option: Any, reset: bool) -> str:
    return f"{option.defname} not set" if reset else sql_text(option).replace(" = ", "=")


def _privilege_phrase(node: ast.GrantStmt) -> Difference:
    privileges = ", ".join(_privilege(p) for p in node.privileges or ()) or "all"
    grantees = ", ".join(_role(r) for r in node.grantees or ())
    columns = {c for p in node.privileges or () for c in _names(p.cols)}
    return Difference(
        f"privilege {privileges} to {grantees}",
        MISSING if node.is_grant else "granted in the database, not in schema/",
        columns.pop() if len(columns) == 1 else None,
    )


def _privilege(node: ast.AccessPriv) -> str:
    columns = _names(node.cols)
    return (node.priv_name or "all") + (f" ({', '.join(columns)})" if columns else "")


def _comment_phrase(node: ast.CommentStmt, theirs: list[_Statement]) -> Difference:
    target = sql_text(node.object) if node.object is not None else ""
    before = next(
        (
            s.node.comment
            for s in theirs
            if isinstance(s.node, ast.CommentStmt)
            and s.node.objtype == node.objtype
            and (sql_text(s.node.object) if s.node.object is not None else "") == target
        ),
        None,
    )
    column = _names(node.object)[-1] if node.objtype == enums.ObjectType.OBJECT_COLUMN else None
    aspect = f"comment on column {column}" if column else "comment"
    if node.comment is None:
        return Difference(aspect, UNDECLARED, column)
    if before is None:
        return Difference(aspect, MISSING, column)
    return Difference(aspect, _both(_quoted(node.comment), _quoted(before)), column)


def _row_phrases(node: ast.UpdateStmt, theirs: list[_Statement]) -> list[Difference]:
    before: dict[str, str] = {}
    for statement in theirs:
        if isinstance(statement.node, ast.UpdateStmt):
            before.update(_assigned(statement.node))
    return [
        Difference(column, _both(value, before.get(column)))
        for column, value in _assigned(node).items()
    ]


def _assigned(node: ast.UpdateStmt) -> dict[str, str]:
    return {target.name: literal(target.val) for target in node.targetList or ()}


def _role(node: Any) -> str:
    if enums.RoleSpecType(node.roletype) == enums.RoleSpecType.ROLESPEC_PUBLIC:
        return "public"
    return node.rolename or sql_text(node)


def _names(names: Any) -> tuple[str, ...]:
    if not isinstance(names, list | tuple):
        return ()
    return tuple(getattr(n, "sval", str(n)) for n in names)


def _both(new: str, old: str | None) -> str:
    if old is None:
        return f"{_value(new)} in schema/"
    return f"{_value(new)} in schema/, {_value(old)} in the database"


def _value(text: str) -> str:
    return _line(text, MAX_VALUE)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _line(sql: str, limit: int = 2 * MAX_VALUE) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
