"""The access matrix's plain data: roles' facts, policies, and one cell per object, role and
command."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from creo_schema.words import noun_for

# What a command reaches, from least to most; `rank` orders them for the plan's review.
NONE = "none"
POLICIES = "rows limited by policies"
AS_OWNER = "as its owner"  # a view or SECURITY DEFINER function whose owner is subject to RLS
AS_CALLER = "as the caller"  # security_invoker view, SECURITY INVOKER function: caller's rights
ALL_ROWS = "all rows"
BYPASS = "bypasses RLS"

RANK = {NONE: 0, POLICIES: 1, AS_CALLER: 1, AS_OWNER: 2, ALL_ROWS: 3, BYPASS: 4}

TABLE_COMMANDS = ("select", "insert", "update", "delete")
FUNCTION_COMMANDS = ("execute",)


@dataclass(frozen=True, slots=True)
class RoleFacts:
    """What the snapshot does not say about a role: its attributes and the roles whose
    privileges it has (membership with INHERIT, transitively)."""

    name: str
    superuser: bool = False
    bypass_rls: bool = False
    member_of: tuple[str, ...] = ()

    @property
    def bypasses_rls(self) -> bool:
        return self.superuser or self.bypass_rls


@dataclass(frozen=True, slots=True)
class PolicyRule:
    """A policy as it applies to one command: permissive ones are ORed, restrictive ANDed."""

    name: str
    permissive: bool
    using: str | None
    with_check: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "permissive": self.permissive,
            "using": self.using,
            "with_check": self.with_check,
        }


@dataclass(frozen=True, slots=True)
class Cell:
    """What `role` reaches with `command` on `object`.

    `columns` is None when every column is reachable, else the reachable ones (column
    privileges); `policies` the policies that decide the rows when `rows` is POLICIES;
    `reason` says why in a few words (no privilege, RLS off, the owner, ...).
    """

    object: str  # quoted schema.name, a function with its argument types
    kind: (
        str  # table, partitioned table, foreign table, view, materialized view, function, procedure
    )
    role: str
    command: str
    rows: str
    columns: tuple[str, ...] | None = None
    policies: tuple[PolicyRule, ...] = ()
    reason: str = ""
    exposed: bool = True

    @property
    def reachable(self) -> bool:
        return self.rows != NONE

    def summary(self) -> str:
        """The cell in words: `none (no privilege)`, `rows limited by policy orders_select_own`."""
        if self.rows == POLICIES:
            names = ", ".join(p.name for p in self.policies)
            noun = noun_for(len(self.policies), "policy")
            text = f"rows limited by {noun} {names}"
        else:
            text = self.rows
        if self.columns is not None and self.rows != NONE:
            text += f"; columns {', '.join(self.columns)} only"
        if self.reason:
            text += f" ({self.reason})"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "object": self.object,
            "kind": self.kind,
            "role": self.role,
            "command": self.command,
            "rows": self.rows,
            "columns": list(self.columns) if self.columns is not None else None,
            "policies": [p.to_dict() for p in self.policies],
            "reason": self.reason,
            "exposed": self.exposed,
            "summary": self.summary(),
        }


@dataclass(frozen=True)
class Matrix:
    roles: tuple[str, ...]
    cells: tuple[Cell, ...]
    _index: dict[tuple[str, str, str], Cell] = field(
        default_factory=dict, compare=False, repr=False
    )

    def cell(self, obj: str, role: str, command: str) -> Cell | None:
        if not self._index:
            self._index.update({(c.object, c.role, c.command): c for c in self.cells})
        return self._index.get((obj, role, command))

    def objects(self) -> list[tuple[str, str]]:
        """(object, kind) in the matrix's order, each once."""
        return list(dict.fromkeys((c.object, c.kind) for c in self.cells))
