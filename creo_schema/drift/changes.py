"""Drifted objects, from the differences the plan carries and the statements it runs.

Each catalog difference (`Plan.differences`) is reported under its object: a column's,
constraint's, comment's or grant's under its table or function (groups.py). An object is
missing from the database (its own row is only in schema/'s catalog), not declared in
schema/ (only in the database's), or different, each difference said in words (words.py).
A group the plan runs statements for with no difference of its own is re-created or re-typed
around a change it depends on. Declared rows that differ (`Plan.row_differences`) are
objects of their own. Nothing here reads SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from creo_schema.catalog.differences import ObjectDiff
from creo_schema.diff.quote import parts
from creo_schema.drift.groups import Group, owner, row_subject, statement_group, subject_of
from creo_schema.drift.model import Change, Difference, Subject
from creo_schema.drift.words import row_said, said
from creo_schema.plan_document import Plan, PlannedStatement


@dataclass
class _Drifted:
    """One object as it is gathered: its subject, differences and statements."""

    subject: Subject
    action: str = "alter"  # create or drop once its own row is found on one side only
    differences: list[Difference] = field(default_factory=list)
    diff: tuple[str, ...] = ()
    statements: list[PlannedStatement] = field(default_factory=list)

    def change(self) -> Change:
        action = self.action
        if action == "alter" and not self.differences and not self.diff:
            action = "recreate"
        differences = tuple(dict.fromkeys(self.differences)) if action == "alter" else ()
        diff = self.diff if action == "alter" else ()
        return Change(self.subject, action, differences, diff, tuple(self.statements))


def changes(plan: Plan) -> list[Change]:
    """The drifted objects, in the order the plan first touches them (those it runs no
    statement for last, in the catalog's order)."""
    found: dict[Group, _Drifted] = {}
    for diff in plan.differences:
        _add_difference(found, diff)
    rows = [_Drifted(row_subject(row), row.action, row_said(row)) for row in plan.row_differences]
    backing = _constraint_indexes(plan.differences)
    order: dict[Group, int] = {}
    row_statements = [s for s in plan.statements if s.kind == "row"]
    for statement in plan.statements:
        if statement.kind == "row":
            continue
        group = statement_group(statement)
        group = backing.get(group, group)
        drifted = found.get(group)
        if drifted is None:
            drifted = found[group] = _Drifted(_statement_subject(statement, group))
        drifted.statements.append(statement)
        order.setdefault(group, len(order))
    # diff/data.py plans one statement per differing row, in the rows' order.
    if len(row_statements) == len(rows):
        for drifted, statement in zip(rows, row_statements, strict=True):
            drifted.statements.append(statement)
    untouched = len(order)
    ranked = sorted(found.items(), key=lambda kv: order.get(kv[0], untouched))
    return [d.change() for _, d in ranked] + [d.change() for d in rows]


def _add_difference(found: dict[Group, _Drifted], diff: ObjectDiff) -> None:
    ref = owner(diff)
    subject = subject_of(ref)
    drifted = found.setdefault(subject.group, _Drifted(subject))
    # A role's default privileges are one object in the report, each grantee's row a part.
    own = ref == diff.object and diff.kind != "default_privileges"
    if own and diff.action != "alter":
        drifted.action = diff.action
        return
    if own and diff.kind == "relations" and drifted.subject.kind != subject.kind:
        drifted.subject = subject  # a part came first and named the relation a table
    differences, lines = said(diff, own)
    drifted.differences += differences
    drifted.diff = drifted.diff or lines


def _constraint_indexes(differences: tuple[ObjectDiff, ...]) -> dict[Group, Group]:
    """An index built for a constraint belongs to the constraint's table: its statements
    (`create unique index`, then `add constraint ... using index`) are the table's."""
    out: dict[Group, Group] = {}
    for diff in differences:
        if diff.kind == "indexes" and diff.object.named("constraint"):
            own = subject_of(diff.object).group
            out[own] = subject_of(owner(diff)).group
    return out


def _statement_subject(statement: PlannedStatement, group: Group) -> Subject:
    """A group with statements and no difference: named from the statement's own facts."""
    kind = "type" if group[0] == "type" else statement.kind
    if group[0] == "relation":
        kind = statement.kind if statement.kind in ("view", "materialized view") else "table"
    name = _unquoted(group[1]) if len(group) > 1 else statement.target
    return Subject(kind, name, group, relation=name if group[0] == "relation" else "")


def _unquoted(name: str) -> str:
    return ".".join(parts(name))
