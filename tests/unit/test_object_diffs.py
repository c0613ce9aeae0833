"""The catalog's differences as typed data: what a plan carries for drift to word."""

from __future__ import annotations

from creo_schema.catalog.differences import (
    FieldChange,
    ObjectDiff,
    ObjectRef,
    object_diffs,
    sentences,
    without_parts_of_new,
)
from creo_schema.catalog.model import Comment, DefaultPrivilege, Privilege
from tests.unit.catalog_rows import column, row, snapshot, table

ORDERS = ObjectRef("relations", "public.orders", (("schema", "public"), ("name", "orders")))
NOTES = ObjectRef("relations", "public.notes", (("schema", "public"), ("name", "notes")))


def _column(table: str, name: str) -> ObjectRef:
    naming = (("schema", "public"), ("table", table), ("name", name))
    return ObjectRef("columns", f"public.{table}.{name}", naming)


def test_parts_of_an_object_created_whole_are_left_to_the_whole() -> None:
    grant_on_orders = ObjectDiff(
        ObjectRef("privileges", "on table public.orders to anon"),
        "create",
        (FieldChange("privileges", None, ("select",)),),
        ORDERS,
    )
    comment_on_a_new_column = ObjectDiff(
        ObjectRef("comments", "column public.orders.total"),
        "create",
        (),
        _column("orders", "total"),
    )
    kept = [
        ObjectDiff(NOTES, "alter", (FieldChange("rls_enabled", False, True),)),
        ObjectDiff(_column("notes", "body"), "create", (FieldChange("type", None, "text"),)),
    ]
    diffs = [
        ObjectDiff(ORDERS, "create"),
        ObjectDiff(_column("orders", "total"), "create"),
        grant_on_orders,
        comment_on_a_new_column,
        *kept,
    ]
    assert without_parts_of_new(diffs) == [ObjectDiff(ORDERS, "create"), *kept]


def test_sentences_name_each_field_first_side_then_second() -> None:
    diffs = [
        ObjectDiff(ORDERS, "drop"),
        ObjectDiff(NOTES, "create"),
        ObjectDiff(
            _column("notes", "body"),
            "alter",
            (FieldChange("type", "text", "varchar(10)"), FieldChange("not_null", False, True)),
        ),
    ]
    assert sentences(diffs) == [
        "relation public.orders: only in the first",
        "relation public.notes: only in the second",
        "column public.notes.body: type 'text' -> 'varchar(10)'",
        "column public.notes.body: not_null False -> True",
    ]


def test_a_comment_or_grant_names_what_it_is_on_from_the_catalogs_link() -> None:
    orders, total = table("orders", 500), column("orders", 500, "total", "numeric", 1)
    comment = row(
        Comment,
        object_type="column",
        object="public.orders.total",
        text="Sum.",
        class_="pg_class",
        objid=500,
        subid=1,
    )
    grant = row(
        Privilege,
        object_type="table",
        object="public.orders",
        grantee="anon",
        privileges=("select",),
        class_="pg_class",
        objid=500,
        subid=0,
    )
    # Default privileges are rows of no object (no oid): they are on nothing.
    defaults = row(
        DefaultPrivilege,
        role="postgres",
        schema="public",
        object_type="tables",
        grantee="anon",
        privileges=("select",),
    )
    before = snapshot(orders, total)
    after = snapshot(orders, total, comment, grant, defaults)
    found = {d.kind: d for d in object_diffs(before, after)}
    assert found["comments"].on == ObjectRef(
        "columns",
        "public.orders.total",
        (("schema", "public"), ("table", "orders"), ("name", "total")),
    )
    assert found["privileges"].on is not None
    assert found["privileges"].on.key == "public.orders"
    assert found["default_privileges"].on is None
    assert found["privileges"].fields == (FieldChange("privileges", None, ("select",)),)
