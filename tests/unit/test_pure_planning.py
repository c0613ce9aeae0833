"""The pure parts of planning, table-driven and without a database: the order the differ's
changes run in (diff/order.py), the hazards of a change (plan/hazards.py) and the online
rewrites (plan/rewrite.py). Each row is one rule, stated on the smallest changes that show it.
"""

from __future__ import annotations

from typing import Any

import pytest

from creo_schema.diff.change import Change, change
from creo_schema.diff.differ import _room
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


def _column_change(operation: str, **facts: Any) -> Change:
    return change("column", "alter", COLUMN, "alter ...", operation, table=TABLE, **facts)


HAZARDS = [
    ("a new table", change("table", "create", TABLE, "create", creates=[TABLE]), set()),
    (
        "a dropped table loses its rows",
        change("table", "drop", TABLE, "drop", drops=[TABLE]),
        {Hazard.DELETES_DATA, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "a dropped foreign table loses no rows (they are its server's)",
        change("table", "drop", TABLE, "drop", drops=[TABLE], foreign=True),
        {Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "a dropped column loses its values",
        change("column", "drop", COLUMN, "drop", drops=[COLUMN]),
        {Hazard.DELETES_DATA, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "a column passing through text while its type is replaced loses nothing",
        change(
            "column",
            "alter",
            COLUMN,
            "to text",
            "alter_column_type",
            drops=[COLUMN],
            old_type="public.status",
            new_type="text",
            passing=True,
        ),
        {Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "widening varchar(20) to text neither rewrites nor loses",
        _column_change("alter_column_type", old_type="character varying(20)", new_type="text"),
        {Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "narrowing text to varchar(5) may cut values (and checks each, rewriting)",
        _column_change("alter_column_type", old_type="text", new_type="character varying(5)"),
        {Hazard.DELETES_DATA, Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "integer to text rewrites the table",
        _column_change("alter_column_type", old_type="integer", new_type="text"),
        {Hazard.REWRITES_TABLE, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    ("SET NOT NULL locks", _column_change("set_not_null"), {Hazard.ACCESS_EXCLUSIVE_LOCK}),
    (
        "a new unique constraint builds its index under the lock",
        change(
            "constraint",
            "create",
            "constraint:public.orders.k",
            "add",
            "add_constraint",
            table=TABLE,
            constraint_kind="unique",
        ),
        {Hazard.ACCESS_EXCLUSIVE_LOCK, Hazard.INDEX_BUILD},
    ),
    (
        "a new foreign key blocks writes on both tables",
        change(
            "constraint",
            "create",
            "constraint:public.orders.fk",
            "add",
            "add_foreign_key",
            table=TABLE,
            constraint_kind="foreign key",
        ),
        {Hazard.SHARE_LOCK},
    ),
    (
        "a dropped primary key drops its index",
        change(
            "constraint",
            "drop",
            "constraint:public.orders.pk",
            "drop",
            table=TABLE,
            drops=["constraint:public.orders.pk"],
            constraint_kind="primary key",
        ),
        {Hazard.INDEX_DROPPED, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "a new index is built",
        change("index", "create", "index:public.i", "create", "create_index", table=TABLE),
        {Hazard.INDEX_BUILD, Hazard.SHARE_LOCK},
    ),
    (
        "disabling row level security weakens it",
        change("table", "alter", TABLE, "disable", "disable_rls", table=TABLE),
        {Hazard.WEAKENS_SECURITY, Hazard.ACCESS_EXCLUSIVE_LOCK},
    ),
    (
        "a dropped publication stops replication",
        change("publication", "drop", "publication:p", "drop", drops=["publication:p"]),
        {Hazard.STOPS_REPLICATION},
    ),
    (
        "a composite type's dropped attribute takes its values out of columns",
        change(
            "composite type", "alter", TYPE, "drop attribute", "alter_composite", drops_values=True
        ),
        {Hazard.DELETES_DATA},
    ),
]


@pytest.mark.parametrize(
    ("item", "expected"), [pytest.param(c, e, id=why) for why, c, e in HAZARDS]
)
def test_hazards(item: Change, expected: set[Hazard]) -> None:
    assert set(hazards_of(item)) == expected


def _phases(item: Change, needed: set[str] | None = None) -> list[tuple[str, str]]:
    return [(sql, phase) for sql, phase, _ in online_steps(item, hazards_of(item), needed or set())]


def test_an_index_is_built_concurrently_unless_a_later_change_needs_it() -> None:
    index = change(
        "index",
        "create",
        "index:public.i",
        "CREATE INDEX i ON public.orders USING btree (a)",
        "create_index",
        table=TABLE,
    )
    assert _phases(index) == [
        ("CREATE INDEX CONCURRENTLY i ON public.orders USING btree (a)", "concurrent")
    ]
    assert _phases(index, {"index:public.i"}) == [(index.sql, "main")]


def test_a_check_is_added_not_valid_then_validated() -> None:
    check = change(
        "constraint",
        "create",
        "constraint:public.orders.c",
        "alter table public.orders add constraint c CHECK ((a > 0))",
        "add_constraint",
        table=TABLE,
        constraint_kind="check",
        constraint="c",
        definition="CHECK ((a > 0))",
    )
    assert _phases(check) == [
        ("alter table public.orders add constraint c CHECK ((a > 0)) not valid", "main"),
        ("alter table public.orders validate constraint c", "validate"),
    ]


def test_a_partitioned_tables_foreign_key_is_added_whole() -> None:
    key = change(
        "constraint",
        "create",
        "constraint:public.orders.fk",
        "alter table public.orders add constraint fk FOREIGN KEY (u) REFERENCES public.u(id)",
        "add_foreign_key",
        table=TABLE,
        constraint_kind="foreign key",
        constraint="fk",
        definition="FOREIGN KEY (u) REFERENCES public.u(id)",
        on_partitioned=True,
    )
    assert _phases(key) == [(key.sql, "main")]


def test_set_not_null_goes_through_a_validated_check() -> None:
    steps = _phases(_column_change("set_not_null", column="status"))
    assert [phase for _, phase in steps] == ["main", "validate", "post", "post"]
    assert steps[0][0].endswith("check (status is not null) not valid")
    assert steps[2][0] == "alter table public.orders alter column status set not null"


def test_a_replica_identity_index_is_set_last() -> None:
    identity = change(
        "table",
        "alter",
        TABLE,
        "alter table public.orders replica identity using index orders_key",
        "replica_identity",
        table=TABLE,
    )
    assert _phases(identity) == [(identity.sql, "post")]


def test_a_not_enforced_constraint_is_added_whole() -> None:
    # PostgreSQL 18: NOT ENFORCED checks and keys are never validated, so never NOT VALID
    check = change(
        "constraint",
        "create",
        "constraint:public.orders.c",
        "alter table public.orders add constraint c CHECK ((a > 0)) NOT ENFORCED",
        "add_constraint",
        table=TABLE,
        constraint_kind="check",
        constraint="c",
        definition="CHECK ((a > 0)) NOT ENFORCED",
        enforced=False,
    )
    assert _phases(check) == [(check.sql, "main")]


def test_cluster_on_waits_for_a_concurrent_build_in_the_last_phase() -> None:
    mark = change(
        "index",
        "alter",
        "index:public.i",
        "alter table public.orders cluster on i",
        "cluster_on",
        table=TABLE,
        requires=["index:public.i"],
    )
    assert _phases(mark) == [(mark.sql, "post")]


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
