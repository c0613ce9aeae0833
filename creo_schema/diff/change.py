"""What the differ returns: typed, frozen changes, each one SQL statement.

A change names the object it acts on (`identity`, an id as `objects.py` makes them), what
it does (`action` and the finer `operation`), and for ordering, the ids it brings into
existence (`creates`), takes away (`drops`, the ones that go with it included: a dropped
table's columns, indexes, policies ...) and needs to exist when it runs (`requires`).
`effects` says what the statement does besides its purpose (diff/effects.py: its lock,
data lost, its online form, what the rows must hold), written by the kind that writes the
SQL, so that nothing downstream re-reads the SQL or switches on `operation`. `details`
carries the few facts that are not consequences (how the shadow runs the statement, the
room a partition's bounds take), each named where it is read.

An object that must be dropped and created again is two changes, both with the action
`replace`: the first drops it, the second creates it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from creo_schema.diff.effects import NONE, Effects

Action = Literal["create", "drop", "alter", "replace"]


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # the object's kind: table, column, index, policy, ...
    action: Action
    identity: str  # the object's id, e.g. "column:public.orders.category"
    sql: str
    operation: str = ""  # e.g. create_table, add_column, alter_column_type, set_not_null
    table: str = ""  # the id of the table the statement alters or locks, when there is one
    creates: frozenset[str] = frozenset()
    drops: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    details: Mapping[str, Any] = field(default_factory=dict)
    effects: Effects = NONE

    @property
    def name(self) -> str:
        """The object as a reader names it: the id without its kind."""
        return self.identity.partition(":")[2]


class Unplannable(Exception):
    """Something the differ cannot plan: named, never skipped (a kind raises it with the
    object's name; the differ gathers them)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def change(
    kind: str,
    action: Action,
    identity: str,
    sql: str,
    operation: str = "",
    *,
    table: str = "",
    creates: Iterable[str] = (),
    drops: Iterable[str] = (),
    requires: Iterable[str] = (),
    effects: Effects = NONE,
    **details: Any,
) -> Change:
    """A `Change`, with the id sets given as any iterables and the details as keywords."""
    return Change(
        kind,
        action,
        identity,
        sql,
        operation or f"{action}_{kind}".replace(" ", "_"),
        table,
        frozenset(creates),
        frozenset(drops),
        frozenset(requires),
        details,
        effects,
    )
