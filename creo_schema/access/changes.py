"""The access review of a change: two matrices compared, one sentence per role, command and
object whose reach changed ("anon gains SELECT on public.orders (all rows)").

A change widens access when a cell goes from nothing to something (but to the caller's own
rights: an invoker view or function reaches nothing the caller could not), up the order of
`model.RANK` (policies < the owner's rights < all rows < past RLS), to more columns, or,
between policies, when a permissive policy joins or a restrictive one leaves, or an
expression is loosened (not the old one with more conditions ANDed on: diff/access.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from creo_schema.access.model import AS_CALLER, POLICIES, RANK, Cell, Matrix
from creo_schema.diff.access import tightened
from creo_schema.words import noun_for

# A widening for these roles is a `weakens_security` hazard of the plan.
GUARDED = ("anon", "authenticated")


@dataclass(frozen=True, slots=True)
class AccessChange:
    role: str
    command: str
    object: str
    widens: bool
    sentence: str

    @property
    def hazardous(self) -> bool:
        return self.widens and self.role in GUARDED

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "command": self.command,
            "object": self.object,
            "widens": self.widens,
            "sentence": self.sentence,
        }


def access_changes(before: Matrix, after: Matrix) -> list[AccessChange]:
    keys = dict.fromkeys(
        [(c.object, c.role, c.command) for c in before.cells]
        + [(c.object, c.role, c.command) for c in after.cells]
    )
    found = []
    for obj, role, command in keys:
        change = _change(before.cell(obj, role, command), after.cell(obj, role, command))
        if change is not None:
            found.append(change)
    return found


def _change(old: Cell | None, new: Cell | None) -> AccessChange | None:
    was = old is not None and old.reachable
    now = new is not None and new.reachable
    if not was and not now:
        return None
    cell = new or old
    assert cell is not None
    verb, obj, role = cell.command.upper(), cell.object, cell.role
    if not was:
        assert new is not None
        # With the caller's own rights (an invoker view or function) nothing new is reached.
        widens = new.rows != AS_CALLER
        return AccessChange(
            role, cell.command, obj, widens, f"{role} gains {verb} on {obj} ({_what(new)})"
        )
    assert old is not None
    if not now:
        why = "dropped" if new is None else _what(new)
        return AccessChange(role, cell.command, obj, False, f"{role} loses {verb} on {obj} ({why})")
    assert new is not None
    if _same(old, new):
        return None
    widens = _widens(old, new)
    renamed = {p.name for p in new.policies} != {p.name for p in old.policies}
    if new.rows == POLICIES and (old.rows != POLICIES or renamed):
        names = ", ".join(p.name for p in new.policies)
        noun = noun_for(len(new.policies), "policy")
        text = f"{role}: {verb} on {obj} now limited by {noun} {names} (was {_what(old)})"
    else:
        text = f"{role}: {verb} on {obj} now {_what(new)} (was {_what(old)})"
    return AccessChange(role, cell.command, obj, widens, text)


def _what(cell: Cell) -> str:
    if cell.rows == POLICIES:
        text = ", ".join(
            f"{p.name}{_expression(p.using, 'using')}"
            + (_expression(p.with_check, "with check") if p.with_check != p.using else "")
            + ("" if p.permissive else " [restrictive]")
            for p in cell.policies
        )
        text = f"rows limited by {text}"
        if cell.columns is not None:
            text += f"; columns {', '.join(cell.columns)} only"
        return text
    return cell.summary()


def _expression(text: str | None, clause: str) -> str:
    return f" {clause} ({text})" if text is not None else ""


def _same(old: Cell, new: Cell) -> bool:
    return (old.rows, old.columns, old.policies, old.reason) == (
        new.rows,
        new.columns,
        new.policies,
        new.reason,
    )


def _widens(old: Cell, new: Cell) -> bool:
    if RANK[new.rows] != RANK[old.rows]:
        return RANK[new.rows] > RANK[old.rows]
    if old.columns is not None and (
        new.columns is None or not set(new.columns) <= set(old.columns)
    ):
        return True
    if new.rows != POLICIES or old.rows != POLICIES:
        return new.rows != old.rows  # same rank, another mechanism: say it may widen
    before = {p.name: p for p in old.policies}
    after = {p.name: p for p in new.policies}
    for name, policy in after.items():
        previous = before.get(name)
        if previous is None or previous.permissive != policy.permissive:
            if policy.permissive:
                return True
            continue
        if not all(
            tightened(getattr(previous, clause), getattr(policy, clause))
            for clause in ("using", "with_check")
        ):
            return True
    return any(not p.permissive for n, p in before.items() if n not in after)
