"""What each kind says its statements do (diff/effects.py), seen where it matters: the planned
statements, their phases and hazards, from two in-memory catalog snapshots - no database.

Each row is one rule of a kind, on the smallest table that shows it: `orders (id bigint
primary key, status text)`, which holds rows and stays (its statements are online ones).
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

import pytest

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.model import Column, Constraint, Index, Relation
from creo_schema.diff.data import RowChange
from creo_schema.diff.differ import diff
from creo_schema.plan.renames import rename_statements
from creo_schema.plan.statements import planned_statements, row_statements
from creo_schema.source.hints import Rename

TABLE = "table:public.orders"
AE = "access_exclusive_lock"


def _relation(**fields: Any) -> Relation:
    base: dict[str, Any] = {
        "schema": "public",
        "name": "orders",
        "kind": "table",
        "owner": "postgres",
        "unlogged": False,
        "rls_enabled": False,
        "rls_forced": False,
        "options": (),
        "partition_of": None,
        "partition_bound": None,
        "partition_key": None,
        "updatable": True,
        "inherits": (),
        "replica_identity": "default",
        "replica_index": None,
        "foreign_server": None,
        "foreign_options": (),
        "clustered_index": None,
        "of_type": None,
        "oid": 1,
    }
    return Relation(**{**base, **fields})


def _column(name: str, position: int, type_: str = "text", **fields: Any) -> Column:
    base: dict[str, Any] = {
        "schema": "public",
        "table": "orders",
        "name": name,
        "position": position,
        "type": type_,
        "not_null": False,
        "default": None,
        "identity": "",
        "generated": "",
        "collation": None,
        "storage": None,
        "compression": None,
        "statistics": None,
        "inherited": False,
        "identity_options": None,
        "table_oid": 1,
        "attnum": position,
    }
    return Column(**{**base, **fields})


def _constraint(name: str, kind: str, definition: str, columns: tuple[str, ...]) -> Constraint:
    return Constraint(
        schema="public",
        table="orders",
        name=name,
        kind=kind,
        definition=definition,
        columns=columns,
        ref_schema=None,
        ref_table=None,
        ref_columns=(),
        deferrable=False,
        deferred=False,
        validated="NOT VALID" not in definition,
        index=name if kind in ("primary key", "unique") else None,
        no_inherit=False,
        inherited=False,
        enforced="NOT ENFORCED" not in definition,
        oid=10 + len(name),
        table_oid=1,
    )


def _index(name: str, definition: str, columns: tuple[str | None, ...], **fields: Any) -> Index:
    base: dict[str, Any] = {
        "schema": "public",
        "table": "orders",
        "name": name,
        "definition": definition,
        "unique": definition.startswith("CREATE UNIQUE"),
        "primary": False,
        "valid": True,
        "key_columns": columns,
        "predicate": None,
        "constraint": None,
        "parent_index": None,
        "partitioned": False,
        "options": (),
        "statistics_targets": (),
        "oid": 20 + len(name),
        "table_oid": 1,
    }
    return Index(**{**base, **fields})


ID = _column("id", 1, "bigint", not_null=True)
STATUS = _column("status", 2)
KEY = _constraint("orders_pkey", "primary key", "PRIMARY KEY (id)", ("id",))


def _snapshot(
    relation: Relation | None = None,
    columns: tuple[Column, ...] = (ID, STATUS),
    constraints: tuple[Constraint, ...] = (KEY,),
    indexes: tuple[Index, ...] = (),
) -> CatalogSnapshot:
    empty = {
        f.name: ()
        for f in dataclasses.fields(CatalogSnapshot)
        if f.name not in ("server_version", "current_user")
    }
    values: dict[str, Any] = {**empty, "server_version": 180000, "current_user": "postgres"}
    if relation is None:
        relation = _relation()
    return CatalogSnapshot(
        **{
            **values,
            "relations": (relation,),
            "columns": columns,
            "constraints": constraints,
            "indexes": indexes,
        }
    )


BEFORE = _snapshot()


def _planned(after: CatalogSnapshot, before: CatalogSnapshot = BEFORE) -> list[tuple[str, ...]]:
    """(phase, hazards..., sql) of each planned statement, the table kept online."""
    statements = planned_statements(diff(before, after), {TABLE}, lambda _: None, 18)
    return [(s.phase, *s.hazards, s.sql) for s in statements]


def _checks(after: CatalogSnapshot, before: CatalogSnapshot = BEFORE) -> list[str]:
    statements = planned_statements(diff(before, after), {TABLE}, lambda _: None, 18)
    return [check.sql for s in statements for check in s.checks]


GENERATED = _column("total", 3, "bigint", default="(id * 2)", generated="s")
VARCHAR = _column("status", 2, "character varying(20)")
STATUS_INDEX = _index(
    "orders_status", "CREATE INDEX orders_status ON public.orders USING btree (status)", ("status",)
)
# The check SET NOT NULL goes through: named after its column, the same on every run.
CHECK = "creo_not_null_" + hashlib.sha256(b"public.orders.status").hexdigest()[:8]
POSITIVE = _constraint("positive", "check", "CHECK ((id > 0))", ("id",))

CASES = [
    (
        "a dropped column loses its values",
        BEFORE,
        _snapshot(columns=(ID,)),
        [("main", "deletes_data", AE, "alter table public.orders drop column status")],
    ),
    (
        "a dropped generated column loses nothing (its values are computed)",
        _snapshot(columns=(ID, STATUS, GENERATED)),
        BEFORE,
        [("main", "alter table public.orders drop column total")],
    ),
    (
        "narrowing a column may cut values, and rewrites the table",
        BEFORE,
        _snapshot(columns=(ID, VARCHAR)),
        [
            (
                "main",
                "deletes_data",
                "rewrites_table",
                AE,
                "alter table public.orders alter column status type character varying(20)",
            )
        ],
    ),
    (
        "widening it loses nothing and rewrites nothing",
        _snapshot(columns=(ID, VARCHAR)),
        BEFORE,
        [("main", AE, "alter table public.orders alter column status type text")],
    ),
    (
        "SET NOT NULL goes through a check validated while writes go on",
        BEFORE,
        _snapshot(columns=(ID, _column("status", 2, not_null=True))),
        [
            (
                "main",
                AE,
                f"alter table public.orders add constraint {CHECK} "
                "check (status is not null) not valid",
            ),
            ("validate", f"alter table public.orders validate constraint {CHECK}"),
            ("post", AE, "alter table public.orders alter column status set not null"),
            ("post", AE, f"alter table public.orders drop constraint {CHECK}"),
        ],
    ),
    (
        "a new index is built concurrently, outside the transaction",
        BEFORE,
        _snapshot(indexes=(STATUS_INDEX,)),
        [
            (
                "concurrent",
                "index_build",
                "not_transactional",
                "CREATE INDEX CONCURRENTLY orders_status ON public.orders USING btree (status)",
            )
        ],
    ),
    (
        "a partitioned table's index is built as it is (no concurrent build there)",
        _snapshot(_relation(kind="partitioned table", partition_key="RANGE (id)")),
        _snapshot(
            _relation(kind="partitioned table", partition_key="RANGE (id)"),
            indexes=(dataclasses.replace(STATUS_INDEX, partitioned=True),),
        ),
        [
            (
                "main",
                "index_build",
                "share_lock",
                "CREATE INDEX orders_status ON public.orders USING btree (status)",
            )
        ],
    ),
    (
        "a dropped index",
        _snapshot(indexes=(STATUS_INDEX,)),
        BEFORE,
        [("main", "index_dropped", "drop index public.orders_status")],
    ),
    (
        "a new check is added NOT VALID, then validated",
        BEFORE,
        _snapshot(constraints=(KEY, POSITIVE)),
        [
            (
                "main",
                AE,
                "alter table public.orders add constraint positive CHECK ((id > 0)) not valid",
            ),
            ("validate", "alter table public.orders validate constraint positive"),
        ],
    ),
    (
        "a NOT ENFORCED check is never validated: added whole",
        BEFORE,
        _snapshot(
            constraints=(
                KEY,
                _constraint("positive", "check", "CHECK ((id > 0)) NOT ENFORCED", ("id",)),
            )
        ),
        [
            (
                "main",
                AE,
                "alter table public.orders add constraint positive CHECK ((id > 0)) NOT ENFORCED",
            )
        ],
    ),
    (
        "a check validated in place lets writes go on",
        _snapshot(
            constraints=(
                KEY,
                _constraint("positive", "check", "CHECK ((id > 0)) NOT VALID", ("id",)),
            )
        ),
        _snapshot(constraints=(KEY, POSITIVE)),
        [("main", "alter table public.orders validate constraint positive")],
    ),
    (
        "a new unique constraint builds its index under the lock",
        BEFORE,
        _snapshot(
            constraints=(KEY, _constraint("one_status", "unique", "UNIQUE (status)", ("status",)))
        ),
        [
            (
                "main",
                AE,
                "index_build",
                "alter table public.orders add constraint one_status UNIQUE (status)",
            )
        ],
    ),
    (
        "a dropped primary key drops its index",
        BEFORE,
        _snapshot(constraints=()),
        [("main", "index_dropped", AE, "alter table public.orders drop constraint orders_pkey")],
    ),
    (
        "turning row level security off weakens it",
        _snapshot(_relation(rls_enabled=True)),
        BEFORE,
        [
            (
                "main",
                "weakens_security",
                AE,
                "alter table public.orders disable row level security",
            )
        ],
    ),
    (
        "a replica identity using an index waits for the columns' online NOT NULL",
        BEFORE,
        _snapshot(_relation(replica_identity="index", replica_index="orders_pkey")),
        [("post", AE, "alter table public.orders replica identity using index orders_pkey")],
    ),
    (
        "persistence changed: the table is rewritten",
        BEFORE,
        _snapshot(_relation(unlogged=True)),
        [("main", "rewrites_table", AE, "alter table public.orders set unlogged")],
    ),
]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [pytest.param(b, a, e, id=why) for why, b, a, e in CASES],
)
def test_planned(
    before: CatalogSnapshot, after: CatalogSnapshot, expected: list[tuple[str, ...]]
) -> None:
    assert _planned(after, before) == expected


EMPTY = dataclasses.replace(BEFORE, relations=(), columns=(), constraints=())


def test_a_dropped_table_loses_its_rows() -> None:
    assert _planned(EMPTY) == [("main", "deletes_data", AE, "drop table public.orders")]


def test_a_foreign_tables_rows_are_its_servers() -> None:
    foreign = _snapshot(_relation(kind="foreign table", foreign_server="remote"), constraints=())
    assert _planned(EMPTY, foreign) == [("main", AE, "drop foreign table public.orders")]


def test_the_rows_each_statement_needs_are_counted_first() -> None:
    assert _checks(_snapshot(columns=(ID, _column("status", 2, not_null=True)))) == [
        "select count(*) from public.orders where status is null"
    ]
    assert _checks(_snapshot(constraints=(KEY, POSITIVE))) == [
        "select count(*) from public.orders where not ((id > 0))"
    ]
    assert _checks(_snapshot(columns=(ID, VARCHAR))) == [
        "select count(*) from public.orders where length(status::text) > 20"
    ]
    unique = dataclasses.replace(
        STATUS_INDEX,
        definition="CREATE UNIQUE INDEX orders_status ON public.orders USING btree (status)",
        unique=True,
    )
    assert _checks(_snapshot(indexes=(unique,))) == [
        "select coalesce(sum(n), 0) from (select count(*) as n from public.orders where status "
        "is not null group by status having count(*) > 1) duplicates"
    ]


def test_declared_rows_deleted_are_data_lost_and_written_ones_are_not() -> None:
    rows = [
        RowChange("insert", "public", "Settings", "insert ..."),
        RowChange("update", "public", "Settings", "update ..."),
        RowChange("delete", "public", "Settings", "delete ..."),
    ]
    found = [(s.kind, s.action, s.table, s.hazards) for s in row_statements(rows)]
    assert found == [
        ("row", "insert", 'public."Settings"', ()),
        ("row", "update", 'public."Settings"', ()),
        ("row", "delete", 'public."Settings"', ("deletes_data",)),
    ]


def test_a_declared_rename_locks_the_table_it_names() -> None:
    rename = Rename(schema="public", table="purchases", old="orders", new="purchases", column=False)
    (forward,) = rename_statements([rename])
    (backward,) = rename_statements([rename], backward=True)
    assert (forward.sql, forward.table, forward.hazards) == (
        "alter table public.orders rename to purchases",
        "public.orders",
        (AE,),
    )
    assert (backward.sql, backward.table) == (
        "alter table public.purchases rename to orders",
        "public.purchases",
    )
