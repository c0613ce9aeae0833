"""Widening or narrowing: the type changes that delete data, and the ones that rewrite rows."""

from __future__ import annotations

import pglast
import pytest

from creo_schema.apply.recorded import classify
from creo_schema.diff.column_types import type_change


def _def(new_type: str):
    statement = pglast.parse_sql(f"alter table public.t alter column c type {new_type}")[0]
    return statement.stmt.cmds[0].def_


@pytest.mark.parametrize(
    ("old", "new", "narrows", "rewrites"),
    [
        ("numeric(10,2)", "numeric(12,2)", False, False),
        ("numeric(10,2)", "numeric", False, False),
        ("numeric(10,2)", "numeric(12,4)", False, True),
        ("numeric(12,2)", "numeric(10,2)", True, True),
        ("numeric(10,2)", "numeric(10,1)", True, True),
        ("numeric", "numeric(20,2)", True, True),
        ("character varying(50)", "varchar(200)", False, False),
        ("character varying(200)", "varchar(50)", True, True),
        ("character varying(50)", "text", False, False),
        ("text", "varchar(200)", True, True),
        ("text", "varchar", False, False),
        ("character varying", "varchar(10)", True, True),
        ("smallint", "integer", False, True),
        ("bigint", "integer", True, True),
        ("integer", "bigint", False, True),
        ("integer", "numeric(10,0)", False, True),
        ("integer", "numeric(9,0)", True, True),
        ("bigint", "numeric", False, True),
        ("double precision", "real", True, True),
        ("character(5)", "char(5)", False, True),
        ("integer[]", "bigint[]", False, True),
        ("text", "integer", True, True),
    ],
)
def test_type_change(old: str, new: str, narrows: bool, rewrites: bool) -> None:
    change = type_change(old, _def(new))
    assert (change.narrows, change.rewrites) == (narrows, rewrites)


def test_without_the_old_type_a_narrowable_target_counts_as_narrowing() -> None:
    change = type_change(None, _def("numeric(12,2)"))
    assert change.narrows and change.rewrites
    assert not type_change(None, _def("bigint")).narrows


def test_classify_uses_the_old_type_of_the_column() -> None:
    sql = 'alter table "public"."items" alter column "price" type numeric(12,2)'
    assert set(classify(sql).hazards) >= {"deletes_data", "rewrites_table"}
    widened = classify(sql, {"public.items.price": "numeric(10,2)"})
    assert {h.value for h in widened.hazards} == {"access_exclusive_lock"}
    narrowed = classify(sql, {"public.items.price": "numeric(14,2)"})
    assert "deletes_data" in {h.value for h in narrowed.hazards}
