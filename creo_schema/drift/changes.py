"""Drifted objects, read from the plan alone.

A plan's statements bring the database to schema/; its rollback brings it back, so the
rollback holds the database's side of every difference: the function as the database has
it, a column's current type, a row's current values. Statements are grouped by the object
they touch (subjects.py); each object is then missing from the database (the plan creates
it and the rollback drops it), not declared in schema/ (the plan drops it), or different:
its two definitions compared (definitions.py), or what each statement changes said in
words (phrases.py). Whole statements are never the description.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pglast
from pglast import ast, enums

from creo_schema.drift.definitions import compare
from creo_schema.drift.model import DEFINING, Change, Difference, Group, Step, one_line
from creo_schema.drift.phrases import database_phrases, phrases
from creo_schema.drift.subjects import (
    OLD_ENUM_SUFFIX,
    Subject,
    relation_subject,
    subject_of,
    where_equalities,
)
from creo_schema.plan.model import PlannedStatement
from creo_schema.source.names import DEFAULT_SCHEMA

AT = enums.AlterTableType

Groups = dict[tuple[str, ...], list[Step]]


def changes(
    statements: Sequence[PlannedStatement], rollback: Sequence[PlannedStatement]
) -> list[Change]:
    """The drifted objects, in the order the plan first touches them."""
    deleted = _deleted_rows(rollback)
    ours, theirs = _grouped(statements, deleted), _grouped(rollback, deleted)
    replaced = _replaced_types(step for steps in ours.values() for step in steps)
    return [
        _described(Group(tuple(steps), tuple(theirs.get(key, [])), replaced))
        for key, steps in ours.items()
    ]


def _described(group: Group) -> Change:
    try:
        return _change(group)
    except (AttributeError, TypeError, ValueError, KeyError, IndexError):
        # A statement shape not known here (a new engine's, a new PostgreSQL's): the object
        # is still reported, with its statements' SQL, rather than failing the drift check.
        said = tuple(Difference("statement", one_line(s.sql)) for s in group.ours)
        return Change(
            group.ours[0].subject, "alter", said, (), tuple(s.planned for s in group.ours)
        )


def _grouped(
    statements: Iterable[PlannedStatement], deleted: dict[str, list[dict[str, str]]]
) -> Groups:
    parsed = [(planned, _parse(planned.sql)) for planned in statements]
    backing = _constraint_indexes([node for _, node in parsed])
    groups: Groups = {}
    for planned, node in parsed:
        subject = subject_of(node, planned.sql, deleted)
        if subject is None:
            continue
        table = backing.get(subject.name) if subject.kind == "index" else None
        step = Step(planned, node, table or subject, backs_constraint=table is not None)
        groups.setdefault(step.subject.group, []).append(step)
    return groups


def _parse(sql: str) -> Any:
    try:
        return pglast.parse_sql(sql)[0].stmt
    except Exception:  # a statement pglast cannot read is still shown, as SQL
        return None


def _constraint_indexes(nodes: list[Any]) -> dict[str, Subject]:
    """Indexes the engine builds for a constraint (`add constraint ... using index`) or drops
    with it, by name: they belong to the constraint's table, not to schema/'s indexes."""
    found: dict[str, Subject] = {}
    for node in nodes:
        if not isinstance(node, ast.AlterTableStmt) or node.relation is None:
            continue
        table = relation_subject("table", node.relation)
        schema = table.name.split(".")[0]
        for cmd in node.cmds or ():
            subtype = AT(cmd.subtype)
            if subtype == AT.AT_AddConstraint and getattr(cmd.def_, "indexname", None):
                found[f"{schema}.{cmd.def_.indexname}"] = table
            elif subtype == AT.AT_DropConstraint and cmd.name:
                found[f"{schema}.{cmd.name}"] = table
    return found


def _deleted_rows(rollback: Iterable[PlannedStatement]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for planned in rollback:
        if planned.kind and planned.kind != "DeleteStmt":
            continue
        node = _parse(planned.sql)
        if isinstance(node, ast.DeleteStmt) and node.relation is not None:
            table = f"{node.relation.schemaname or DEFAULT_SCHEMA}.{node.relation.relname}"
            found.setdefault(table, []).append(where_equalities(node.whereClause))
    return found


def _replaced_types(steps: Iterable[Step]) -> frozenset[str]:
    """Types the plan renames aside to replace them: `x` -> `x__old_version_to_be_dropped`."""
    return frozenset(
        step.subject.name
        for step in steps
        if isinstance(step.node, ast.RenameStmt)
        and str(step.node.newname).endswith(OLD_ENUM_SUFFIX)
    )


def _change(group: Group) -> Change:
    ours, theirs = group.ours, group.theirs
    subject = _shown_subject(ours)
    planned = tuple(s.planned for s in ours)
    new, old = _definition(ours), _definition(theirs)
    # Missing: the rollback drops what the plan creates (or never mentions it again).
    if new is not None and old is None and (not theirs or any(_drops_itself(s) for s in theirs)):
        return Change(subject, "create", (), (), planned)
    if new is None and any(_drops_itself(s) for s in ours):
        return Change(subject, "drop", (), (), planned)
    differences: list[Difference] = []
    diff: tuple[str, ...] = ()
    if new is not None and old is not None:
        differences, diff = compare(old.node, new.node, old.sql, new.sql)
    # A statement the rollback repeats word for word is done around the change, not part of it.
    repeated = {s.sql for s in theirs}
    for step in ours:
        if step is not new and step.sql not in repeated and not _drops_itself(step):
            differences += phrases(step, group)
    done = {s.sql for s in ours}
    for step in theirs:
        if step.sql not in done:
            differences += database_phrases(step)
    action = "alter" if differences or diff else "recreate"
    return Change(subject, action, tuple(dict.fromkeys(differences)), diff, planned)


def _shown_subject(steps: tuple[Step, ...]) -> Subject:
    """A grant says `on table` for a view too: any other statement names the kind better."""
    for step in steps:
        if not isinstance(step.node, ast.GrantStmt):
            return step.subject
    return steps[0].subject


def _definition(steps: tuple[Step, ...]) -> Step | None:
    found = [s for s in steps if isinstance(s.node, DEFINING) and not s.backs_constraint]
    return found[-1] if found else None


def _drops_itself(step: Step) -> bool:
    dropping = isinstance(step.node, ast.DropStmt | ast.DeleteStmt)
    return dropping and not step.backs_constraint
