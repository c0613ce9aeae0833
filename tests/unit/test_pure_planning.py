"""The pure parts of planning, table-driven and without a database: the order the differ's
changes run in (diff/order.py), the hazards of a statement's effects (plan/hazards.py) and
the online rewrites (plan/rewrite.py). Each row is one rule, stated on the smallest changes that show it.
"""

from __future__ import annotations

from typing import Any

import pytest

from creo_schema.diff.change import Change, change
from creo_schema.diff.differ import _room
from creo_schema.diff.effects import (
    ConcurrentBuild,
    Effects,
    LastPhase,
    Lock,
    NoNulls,
    NotNullThroughCheck,
    NotValidThenValidate,
    Step,
    Transaction,
)
from creo_schema.diff.objects import Side
from creo_schema.diff.order import OrderingError, order
from creo_schema.plan.hazards import Hazard, hazards_of
from creo_schema.plan.rewrite import online_steps

TABLE = "table:public.orders"
COLUMN = "column:public.orders.status"
TYPE = "type:public.status"
VIEW = "view:public.open_orders"


def _side(needs: dict[str, set[str]] | None = None) -> Side:
    """A target side whose dependency graph is `needs` (object -> what it needs)."""
    side = Side(None)  # type: ignore[arg-type]  # the order reads only the graph
    for node_id, needed in (needs or {}).items():
        for other in needed:
            side.needs[node_id].add(other)
            side.needed_by[other].add(node_id)
    return side


def _written_order(
    changes: list[Change],
    needs: dict[str, set[str]] | None = None,
    slots: dict[int, tuple[set[str], set[str]]] | None = None,
) -> list[str]:
    """The changes' SQL in the order found, ties broken by the order they were written."""
    place = {id(c): i for i, c in enumerate(changes)}
    ordered = order(changes, _side(needs), lambda c: (place[id(c)],), slots or {})
    return [c.sql for c in ordered]


ORDERING = [
    (
        "a change comes after the one that creates what it requires",
        [
            change("view", "create", VIEW, "create view", requires=[TABLE]),
            change("table", "create", TABLE, "create table", creates=[TABLE]),
        ],
        {},
        {},
        ["create table", "create view"],
    ),
    (
        "a drop comes after the changes to what depends on it in the target",
        [
            change("type", "drop", TYPE, "drop type", drops=[TYPE]),
            change("view", "drop", VIEW, "drop view", drops=[VIEW]),
        ],
        {VIEW: {TYPE}},
        {},
        ["drop view", "drop type"],
    ),
    (
        "a dependent that needs the new version waits for it instead",
        [
            change("type", "replace", TYPE, "drop type", drops=[TYPE]),
            change("type", "replace", TYPE, "create type", creates=[TYPE]),
            change("view", "replace", VIEW, "drop view", drops=[VIEW]),
            change("view", "replace", VIEW, "create view", creates=[VIEW], requires=[TYPE]),
        ],
        {VIEW: {TYPE}},
        {},
        ["drop view", "drop type", "create type", "create view"],
    ),
    (
        "an object is created again only after what drops its old self",
        [
            change("view", "replace", VIEW, "create view", creates=[VIEW]),
            change("schema", "drop", "schema:old", "drop schema", drops=["schema:old", VIEW]),
        ],
        {},
        {},
        ["drop schema", "create view"],
    ),
    (
        "a name is taken only after the object of another kind holding it goes",
        [
            change("view", "create", VIEW, "create table named like the view"),
            change("view", "drop", "table:public.open_orders", "drop the view's namesake"),
        ],
        {},
        {0: ({"public.open_orders"}, set()), 1: (set(), {"public.open_orders"})},
        ["drop the view's namesake", "create table named like the view"],
    ),
    (
        "one object's changes keep the order they were made in",
        [
            change("column", "alter", COLUMN, "set default"),
            change("column", "alter", COLUMN, "set not null"),
        ],
        {},
        {},
        ["set default", "set not null"],
    ),
]


@pytest.mark.parametrize(
    ("changes", "needs", "slots", "expected"),
    [pytest.param(c, n, s, e, id=why) for why, c, n, s, e in ORDERING],
)
def test_order(
    changes: list[Change],
    needs: dict[str, set[str]],
    slots: dict[int, tuple[set[str], set[str]]],
    expected: list[str],
) -> None:
    assert _written_order(changes, needs, slots) == expected


def test_a_cycle_is_refused_naming_its_changes() -> None:
    one = "view:public.a"
    two = "view:public.b"
    changes = [
        change("view", "create", one, "create a", creates=[one], requires=[two]),
        change("view", "create", two, "create b", creates=[two], requires=[one]),
    ]
    with pytest.raises(OrderingError) as caught:
        _written_order(changes)
    assert "view public.a (create_view)" in str(caught.value)
    assert "view public.b (create_view)" in str(caught.value)


# The policy (plan/hazards.py): what a statement does, as its writer says (diff/effects.py),
# to the hazards a plan lists, in the order it lists them. What each kind says of its
# statements is tests/unit/test_effects.py's.
EXCLUSIVE = Effects(lock=Lock.ACCESS_EXCLUSIVE)

POLICY = [
    ("nothing to report", Effects(), []),
    ("an ACCESS EXCLUSIVE lock stops reads and writes", EXCLUSIVE, [Hazard.ACCESS_EXCLUSIVE_LOCK]),
    ("SHARE stops writes", Effects(lock=Lock.SHARE), [Hazard.SHARE_LOCK]),
    ("so does SHARE ROW EXCLUSIVE", Effects(lock=Lock.SHARE_ROW_EXCLUSIVE), [Hazard.SHARE_LOCK]),
    ("SHARE UPDATE EXCLUSIVE lets both go on", Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE), []),
    (
        "data lost comes first, the lock after",
        Effects(lock=Lock.ACCESS_EXCLUSIVE, deletes_data=True),
        [Hazard.DELETES_DATA, Hazard.ACCESS_EXCLUSIVE_LOCK],
    ),
    (
        "a narrowing rewrite",
        Effects(lock=Lock.ACCESS_EXCLUSIVE, deletes_data=True, rewrites=True),
        [Hazard.DELETES_DATA, Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK],
    ),
    (
        "a key's index is built under its lock",
        Effects(lock=Lock.ACCESS_EXCLUSIVE, builds_index=True),
        [Hazard.ACCESS_EXCLUSIVE_LOCK, Hazard.INDEX_BUILD],
    ),
    (
        "an index build names the build before the lock",
        Effects(lock=Lock.SHARE, builds_index=True),
        [Hazard.INDEX_BUILD, Hazard.SHARE_LOCK],
    ),
    (
        "a concurrent build is not transactional",
        Effects(
            lock=Lock.SHARE_UPDATE_EXCLUSIVE, builds_index=True, transaction=Transaction.OUTSIDE
        ),
        [Hazard.INDEX_BUILD, Hazard.NOT_TRANSACTIONAL],
    ),
    (
        "a dropped key's index",
        Effects(lock=Lock.ACCESS_EXCLUSIVE, drops_index=True),
        [Hazard.INDEX_DROPPED, Hazard.ACCESS_EXCLUSIVE_LOCK],
    ),
    (
        "row level security turned off",
        Effects(lock=Lock.ACCESS_EXCLUSIVE, widens_access=True),
        [Hazard.WEAKENS_SECURITY, Hazard.ACCESS_EXCLUSIVE_LOCK],
    ),
    (
        "a subscription that makes its slot",
        Effects(replicates=True, transaction=Transaction.OUTSIDE),
        [Hazard.REPLICATES_DATA, Hazard.NOT_TRANSACTIONAL],
    ),
    (
        "publications swapped on an enabled subscription",
        Effects(replicates=True, stops_replication=True, transaction=Transaction.OUTSIDE),
        [Hazard.REPLICATES_DATA, Hazard.STOPS_REPLICATION, Hazard.NOT_TRANSACTIONAL],
    ),
    ("a role dropped", Effects(drops_role=True), [Hazard.DROPS_ROLE]),
    (
        "a statement in a transaction of its own is transactional",
        Effects(transaction=Transaction.OWN_TRANSACTION),
        [],
    ),
    (
        "the online form and the rows to check are no hazard of their own",
        Effects(rows=NoNulls("status"), online=LastPhase()),
        [],
    ),
]


@pytest.mark.parametrize(
    ("effects", "expected"), [pytest.param(e, h, id=why) for why, e, h in POLICY]
)
def test_hazards(effects: Effects, expected: list[Hazard]) -> None:
    assert hazards_of(effects) == expected


def test_every_hazard_but_the_access_reviews_comes_from_some_effect() -> None:
    every = Effects(
        lock=Lock.ACCESS_EXCLUSIVE,
        deletes_data=True,
        rewrites=True,
        builds_index=True,
        drops_index=True,
        transaction=Transaction.OUTSIDE,
        widens_access=True,
        replicates=True,
        stops_replication=True,
        drops_role=True,
    )
    found = set(hazards_of(every)) | set(hazards_of(Effects(lock=Lock.SHARE)))
    assert found == set(Hazard)


# The online rewrite (plan/rewrite.py): an online form, written by the kind, to phases.


def _phases(item: Change, needed: set[str] | None = None) -> list[tuple[str, str, list[Hazard]]]:
    return list(online_steps(item, hazards_of(item.effects), needed or set()))


def _index(online: bool = True) -> Change:
    build = Step(
        "CREATE INDEX CONCURRENTLY i ON public.orders USING btree (a)",
        Effects(
            lock=Lock.SHARE_UPDATE_EXCLUSIVE, builds_index=True, transaction=Transaction.OUTSIDE
        ),
    )
    effects = Effects(
        lock=Lock.SHARE, builds_index=True, online=ConcurrentBuild(build) if online else None
    )
    sql = "CREATE INDEX i ON public.orders USING btree (a)"
    return change("index", "create", "index:public.i", sql, table=TABLE, effects=effects)


def test_an_index_is_built_concurrently_unless_a_later_change_needs_it() -> None:
    index = _index()
    assert _phases(index) == [
        (
            "CREATE INDEX CONCURRENTLY i ON public.orders USING btree (a)",
            "concurrent",
            [Hazard.INDEX_BUILD, Hazard.NOT_TRANSACTIONAL],
        )
    ]
    assert _phases(index, {"index:public.i"}) == [
        (index.sql, "main", [Hazard.INDEX_BUILD, Hazard.SHARE_LOCK])
    ]


def test_without_an_online_form_a_statement_runs_as_written() -> None:
    index = _index(online=False)
    assert _phases(index) == [(index.sql, "main", [Hazard.INDEX_BUILD, Hazard.SHARE_LOCK])]


def test_a_check_is_added_not_valid_then_validated() -> None:
    online = NotValidThenValidate(
        Step("add c not valid", EXCLUSIVE),
        Step("validate c", Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE)),
    )
    check = change(
        "constraint",
        "create",
        "constraint:public.orders.c",
        "add c",
        table=TABLE,
        effects=Effects(lock=Lock.ACCESS_EXCLUSIVE, online=online),
    )
    assert _phases(check) == [
        ("add c not valid", "main", [Hazard.ACCESS_EXCLUSIVE_LOCK]),
        ("validate c", "validate", []),
    ]


def test_set_not_null_through_a_check_takes_four_steps_in_three_phases() -> None:
    online = NotNullThroughCheck(
        Step("add check", EXCLUSIVE),
        Step("validate check", Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE)),
        Step("set not null", EXCLUSIVE),
        Step("drop check", EXCLUSIVE),
    )
    item = _column_change(Effects(lock=Lock.ACCESS_EXCLUSIVE, online=online))
    assert [(sql, phase) for sql, phase, _ in _phases(item)] == [
        ("add check", "main"),
        ("validate check", "validate"),
        ("set not null", "post"),
        ("drop check", "post"),
    ]


def test_what_waits_for_the_online_steps_runs_last() -> None:
    item = _column_change(Effects(lock=Lock.ACCESS_EXCLUSIVE, online=LastPhase()))
    assert _phases(item) == [(item.sql, "post", [Hazard.ACCESS_EXCLUSIVE_LOCK])]


def test_a_statement_in_a_transaction_of_its_own_goes_first() -> None:
    item = _column_change(Effects(transaction=Transaction.OWN_TRANSACTION))
    assert _phases(item) == [(item.sql, "pre", [])]


def _column_change(effects: Effects) -> Change:
    return change("column", "alter", COLUMN, "alter ...", table=TABLE, effects=effects)


PARENT = "public.readings"


def _partition(operation: str, sql: str, action: Any = "alter") -> Change:
    name = "table:public.readings_" + sql.split()[-1]
    room = "frees_room" if operation in ("detach_partition", "drop_table") else "takes_room"
    return change("table", action, name, sql, operation, table=name, **{room: f"bounds:{PARENT}"})


def test_a_partition_frees_its_bounds_before_another_takes_them() -> None:
    # Written in the order the differ writes them (creates before alters); the slots are
    # what differ._room gives each: a leaving partition frees `bounds:`, a coming one takes it.
    changes = [
        _partition("create_table", "create table h2", action="create"),
        _partition("detach_partition", "detach h1"),
        _partition("attach_partition", "attach h1"),
    ]
    slots = {i: _room(c) for i, c in enumerate(changes)}
    assert slots[0] == ({f"bounds:{PARENT}"}, set())
    assert slots[1] == (set(), {f"bounds:{PARENT}"})
    assert _written_order(changes, slots=slots) == [
        "detach h1",
        "create table h2",
        "attach h1",
    ]
