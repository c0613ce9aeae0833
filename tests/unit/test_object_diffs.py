"""The catalog's differences as typed data: what a plan carries for drift to word."""

from __future__ import annotations

from creo_schema.catalog.differences import (
    FieldChange,
    ObjectDiff,
    ObjectRef,
    sentences,
    without_parts_of_new,
)

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
