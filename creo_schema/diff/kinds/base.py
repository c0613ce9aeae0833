"""What every kind of object tells the differ, and what the differ tells it back.

A kind adds its nodes to a side (`add_nodes`) and writes the SQL to create, drop and alter
one of them. `alter` returns the changes that take the old object to the new one in place,
or `REPLACE` when PostgreSQL has no ALTER for the difference: the differ then drops and
creates it, and rebuilds what depends on it. `rebuildable` says whether the object can be
dropped and created again without losing data (a view can, a table cannot), which decides
whether it may be rebuilt for the sake of something it depends on.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind, spec
from creo_schema.diff.change import Action, Change, change
from creo_schema.diff.effects import NONE, Effects
from creo_schema.diff.objects import Node, Side


class _Replace(enum.Enum):
    """The one value that says "no ALTER: replace it" (an enum, so that `is REPLACE`
    narrows an `Altered` to its list for the type checker)."""

    REPLACE = "REPLACE"

    def __repr__(self) -> str:
        return "REPLACE"

    __str__ = __repr__


REPLACE: Final = _Replace.REPLACE


class Refused(Exception):
    """A difference a kind cannot plan safely: the differ refuses it by name."""


Altered = list[Change] | Literal[_Replace.REPLACE]


@dataclass(frozen=True)
class Context:
    """Both sides of the diff and the facts about the server the SQL is written for."""

    current: Side
    desired: Side
    major: int  # the server's major version: what its SQL accepts

    @property
    def target_user(self) -> str:
        return self.current.snapshot.current_user

    def owner(self, role: str, side: Side) -> str:
        """A desired object owned by the role that loaded schema/ is owned, in the target,
        by the role that applies the plan: that is the owner `schema/` means."""
        if side is self.desired and role == self.desired.snapshot.current_user:
            return self.target_user
        return role


class Kind:
    """The rules of one kind of object (subclasses fill them in)."""

    name: ClassVar[ObjectKind]  # set by each kind (an abstract base has none)
    rebuildable: ClassVar[bool] = False
    # Ordering among changes nothing else orders: creates low ranks first, drops high first.
    # A kind's is its spec's (catalog/kinds.py `KindSpec.rank`).
    rank: ClassVar[int] = 50

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        name = getattr(cls, "name", None)
        if name is not None:
            cls.rank = spec(name).rank

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        raise NotImplementedError

    def create(self, node: Node, ctx: Context) -> list[Change]:
        raise NotImplementedError

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        raise NotImplementedError

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return REPLACE

    def drop_to_replace(self, node: Node, ctx: Context) -> list[Change]:
        """The first half of a replacement: the drop of an object created again in the same
        plan. Its plain drop, unless the consequences differ (a materialized view filled
        again loses no rows; a publication's table added back stops nothing)."""
        return self.drop(node, ctx)

    def same(self, old: Node, new: Node, ctx: Context) -> bool:
        """Whether nothing is to change (a kind whose object has facts outside its catalog
        row, as a key's index its storage parameters, compares those too)."""
        return bool(old.item == new.item)

    # Facets the differ handles alike for every kind: how the object is named in COMMENT ON,
    # GRANT and ALTER ... OWNER TO (None where the kind has no such thing).
    def comment_target(self, node: Node) -> str | None:
        return None

    def grant_target(self, node: Node) -> str | None:
        return None

    def owner_target(self, node: Node) -> str | None:
        return None

    def owner_of(self, node: Node) -> str | None:
        return getattr(node.item, "owner", None)

    def included_in_parent(self, node: Node) -> bool:
        """Whether creating the parent creates this one too (a column in CREATE TABLE)."""
        return False

    # Helpers for subclasses ------------------------------------------------------------

    def make(
        self,
        node: Node,
        action: Action,
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
        return change(
            node.kind,
            action,
            node.id,
            sql,
            operation,
            table=table,
            creates=creates,
            drops=drops,
            requires=requires,
            effects=effects,
            **details,
        )


def parameter_changes(before: Iterable[str], after: Iterable[str]) -> tuple[list[str], list[str]]:
    """`name=value` parameters (storage parameters, view and index options, column options)
    from `before` to `after`: the names to RESET, and the `name=value` pairs to SET."""
    old = dict(o.split("=", 1) for o in before)
    new = dict(o.split("=", 1) for o in after)
    reset = [k for k in old if k not in new]
    changed = [f"{k}={v}" for k, v in new.items() if old.get(k) != v]
    return reset, changed
