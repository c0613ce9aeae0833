"""The words of a drift report: drifted objects, their differences, and how values are shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pglast import ast, enums

from creo_schema.drift.subjects import Subject, sql_text
from creo_schema.plan.model import PlannedStatement

MAX_VALUE = 80
MISSING = "missing from the database"
UNDECLARED = "in the database, not declared in schema/"

# Statements that define an object whole: the plan's says how schema/ has it, the
# rollback's how the database has it.
DEFINING = (
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
            return "nothing of its own differs: the plan re-creates or re-types it around a change it depends on"
        aspects = list(dict.fromkeys(d.aspect for d in self.differences))
        if self.diff:
            routine = self.subject.kind in ("function", "procedure", "aggregate")
            aspects.append("body" if routine else "definition")
        return "differs from schema/: " + ", ".join(aspects)

    @property
    def column(self) -> str | None:
        """The one column every difference is about, if there is one."""
        columns = {d.column for d in self.differences}
        return columns.pop() if len(columns) == 1 and not self.diff else None


@dataclass(frozen=True, slots=True)
class Step:
    """One statement of the plan or of its rollback, parsed, with the object it touches."""

    planned: PlannedStatement
    node: Any  # None when pglast cannot read it
    subject: Subject
    # The index behind a primary key or unique constraint: part of its table's change.
    backs_constraint: bool = False

    @property
    def sql(self) -> str:
        return self.planned.sql


@dataclass(frozen=True, slots=True)
class Group:
    """One object's statements: the plan's (`ours`) and the rollback's (`theirs`)."""

    ours: tuple[Step, ...]
    theirs: tuple[Step, ...]
    # Enums the plan replaces (renamed aside, created anew): columns of that type are
    # re-typed and their defaults re-set around it, which changes nothing of their own.
    replaced_types: frozenset[str] = frozenset()


def both(new: str, old: str | None) -> str:
    """`<new> in schema/, <old> in the database`; the database's side only when known."""
    if old is None:
        return f"{one_line(new, MAX_VALUE)} in schema/"
    return f"{one_line(new, MAX_VALUE)} in schema/, {one_line(old, MAX_VALUE)} in the database"


def one_line(sql: str, limit: int = 2 * MAX_VALUE) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def names(nodes: Any) -> tuple[str, ...]:
    if not isinstance(nodes, list | tuple):
        return ()
    return tuple(getattr(n, "sval", str(n)) for n in nodes)


def role(node: Any) -> str:
    if enums.RoleSpecType(node.roletype) == enums.RoleSpecType.ROLESPEC_PUBLIC:
        return "public"
    return str(node.rolename or sql_text(node))
