"""Put the changes in an order PostgreSQL accepts, and a reader can follow.

Four rules make the edges of a graph between changes:

1. A change that needs an object (`requires`) comes after the change that creates it.
2. A change that drops an object comes after every change to what depends on it in the
   target (their drops, and alters that stop depending on it), except those that need the
   object's new version.
3. A change that creates an object, or takes a name (slot), comes after the change that
   drops the old one.
4. Changes to one object keep the order they were made in.

Among the changes the graph leaves free, drops go first (dependents before what they
depend on: policies before tables before types before schemas), then the rest in the
order objects are built (schemas, types, functions, tables, columns, constraints, indexes,
views, triggers, policies, comments, grants). A cycle cannot be ordered: it is reported
with the objects in it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from creo_schema.diff.change import Change
from creo_schema.diff.objects import Side


class OrderingError(Exception):
    def __init__(self, cycle: list[Change]) -> None:
        self.cycle = cycle
        names = " -> ".join(f"{c.kind} {c.name} ({c.operation})" for c in cycle[:8])
        super().__init__(f"the changes depend on each other in a cycle: {names}")


def order(
    changes: Sequence[Change],
    current: Side,
    rank: Callable[[Change], tuple[int, ...]],
    slots: dict[int, tuple[set[str], set[str]]],
) -> list[Change]:
    """The changes in a valid order. `slots[i]` is (slots created, slots dropped) by change
    i; `rank` the tie-breaking priority (lower first)."""
    after: list[set[int]] = [set() for _ in changes]  # i -> changes that must follow i
    touched = _Touched.of(changes, slots)
    for index, item in enumerate(changes):
        _after_creators_of_needs(index, item, touched, after)
        _after_dependents_of_drops(index, item, changes, current, touched, after)
        _after_old_dropped(index, item, touched, after)
    _after_slot_freed(touched, after)
    _in_order_made(changes, after)
    return _placed(changes, after, rank)


@dataclass
class _Touched:
    """Which changes create, drop or touch each object, and create or drop each slot."""

    creators: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    droppers: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    touching: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    slot_creators: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    slot_droppers: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, changes: Sequence[Change], slots: dict[int, tuple[set[str], set[str]]]) -> _Touched:
        out = cls()
        for index, item in enumerate(changes):
            for node_id in item.creates:
                out.creators[node_id].append(index)
            for node_id in item.drops:
                out.droppers[node_id].append(index)
                out.touching[node_id].append(index)
            out.touching[item.identity].append(index)
            made, taken = slots.get(index, (set(), set()))
            for slot in made:
                out.slot_creators[slot].append(index)
            for slot in taken:
                out.slot_droppers[slot].append(index)
        return out


def _after_creators_of_needs(
    index: int, item: Change, touched: _Touched, after: list[set[int]]
) -> None:
    """Rule 1: a change comes after the creators of what it needs."""
    for node_id in item.requires:
        for creator in touched.creators.get(node_id, ()):
            if creator != index:
                after[creator].add(index)


def _after_dependents_of_drops(
    index: int,
    item: Change,
    changes: Sequence[Change],
    current: Side,
    touched: _Touched,
    after: list[set[int]],
) -> None:
    """Rule 2: what depends on what a change drops is changed first."""
    for node_id in item.drops:
        for dependent in current.needed_by.get(node_id, ()):
            if dependent in item.drops:
                continue
            for other in touched.touching.get(dependent, ()):
                if other != index and not _follows_drop(
                    changes[other], node_id, dependent, touched
                ):
                    after[other].add(index)


def _follows_drop(theirs: Change, node_id: str, dependent: str, touched: _Touched) -> bool:
    """A change to a dependent of a dropped object that comes after the drop, not before."""
    if node_id in theirs.requires:
        return True  # it needs the new version: it comes after
    if dependent in theirs.creates and dependent not in theirs.drops:
        return True  # the dependent's new version: after
    # a change to the dependent made again (its comment): after
    return dependent in theirs.requires and bool(touched.creators.get(dependent))


def _after_old_dropped(index: int, item: Change, touched: _Touched, after: list[set[int]]) -> None:
    """Rule 3: the old one goes before the new one comes."""
    for node_id in item.creates:
        for dropper in touched.droppers.get(node_id, ()):
            if dropper != index:
                after[dropper].add(index)


def _after_slot_freed(touched: _Touched, after: list[set[int]]) -> None:
    """Rule 3, for names: a slot is taken after the change that frees it."""
    for slot, slot_made in touched.slot_creators.items():
        for dropper in touched.slot_droppers.get(slot, ()):
            for creator in slot_made:
                if creator != dropper:
                    after[dropper].add(creator)


def _in_order_made(changes: Sequence[Change], after: list[set[int]]) -> None:
    """Rule 4: one object's changes in the order they were made."""
    last: dict[str, int] = {}
    for index, item in enumerate(changes):
        previous = last.get(item.identity)
        if previous is not None:
            after[previous].add(index)
        last[item.identity] = index


def _placed(
    changes: Sequence[Change],
    after: list[set[int]],
    rank: Callable[[Change], tuple[int, ...]],
) -> list[Change]:
    """The changes in an order that keeps every edge, the lowest rank first among those
    free to go; a cycle is an error naming its changes."""
    count = len(changes)
    waiting = [0] * count
    for followers in after:
        for follower in followers:
            waiting[follower] += 1
    ready = [(rank(changes[i]), i) for i in range(count) if waiting[i] == 0]
    heapq.heapify(ready)
    out: list[Change] = []
    while ready:
        _, index = heapq.heappop(ready)
        out.append(changes[index])
        for follower in after[index]:
            waiting[follower] -= 1
            if waiting[follower] == 0:
                heapq.heappush(ready, (rank(changes[follower]), follower))
    if len(out) < count:
        raise OrderingError(_cycle(changes, after, waiting))
    return out


def _cycle(changes: Sequence[Change], after: list[set[int]], waiting: list[int]) -> list[Change]:
    """One cycle among the changes that could not be placed: every one of them still waits
    for another that could not be placed, so walking back from any of them closes a loop."""
    stuck = {i for i, w in enumerate(waiting) if w > 0}
    before: dict[int, list[int]] = defaultdict(list)
    for index in stuck:
        for follower in after[index]:
            if follower in stuck:
                before[follower].append(index)
    path: list[int] = []
    seen: dict[int, int] = {}
    node = min(stuck)
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = min(before[node])
    return [changes[i] for i in reversed(path[seen[node] :])]
