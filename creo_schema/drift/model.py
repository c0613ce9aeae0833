"""The words of a drift report: drifted objects, their differences, and how values are shown."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.plan_document import PlannedStatement

MAX_VALUE = 80
MISSING = "missing from the database"
UNDECLARED = "in the database, not declared in schema/"


@dataclass(frozen=True, slots=True)
class Subject:
    """One drifted object, as a reviewer names it, and what finds its declaration."""

    kind: str  # table, view, function, policy, trigger, index, type, row, ...
    name: str  # as shown: public.notes, public.f(uuid), "notes: read" on public.notes
    group: tuple[str, ...]  # differences and statements that share it describe one object
    relation: str = ""  # schema.name of the relation it is, or is on (policy, trigger, row)
    routine: str = ""  # schema.name of a function or procedure
    input_args: int | None = None
    own_name: str = ""  # a policy's, trigger's or rule's own name
    row_key: tuple[tuple[str, str], ...] = ()  # a reference row's primary key, as literals


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

    @property
    def destructive(self) -> bool:
        """Whether a statement the plan runs for it deletes data."""
        return any("deletes_data" in s.hazards for s in self.statements)


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
