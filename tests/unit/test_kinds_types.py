"""Each kind of schema and type object diffed on in-memory snapshots: schemas, extensions,
collations, enums, domains and their constraints, composite types, ranges, sequences,
functions and casts (tests/unit/catalog_rows.py makes the rows)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import (
    Cast,
    Collation,
    CompositeType,
    Domain,
    Enum,
    Extension,
    Function,
    Range,
    Schema,
    Sequence,
)
from tests.unit.catalog_rows import Case, check, row

SCHEMA = row(Schema, name="app", oid=1)
CITEXT = row(Extension, name="citext", schema="public", version="1.6", oid=2)
COLLATION = row(Collation, name="c1", provider="icu", locale="und", deterministic=True, oid=3)
MOOD = row(Enum, name="mood", labels=("a", "b"), oid=4)
POSITIVE = row(
    Domain,
    name="pos",
    base_type="integer",
    constraint_names=("pos_check",),
    constraints=("CHECK (VALUE > 0)",),
    constraint_oids=(51,),
    oid=5,
)
PAIR = row(
    CompositeType,
    name="pair",
    attribute_names=("a", "b"),
    attribute_types=("integer", "text"),
    attribute_collations=("", ""),
    oid=6,
    relation_oid=61,
)
RANGE = row(Range, name="r", subtype="integer", multirange="public.r_multi", oid=7)
SEQUENCE = row(
    Sequence,
    name="s",
    data_type="bigint",
    start=1,
    increment=1,
    min=1,
    max=9223372036854775807,
    cache=1,
    oid=8,
)
F_SQL = (
    "CREATE OR REPLACE FUNCTION public.f(x integer)\n RETURNS integer\n LANGUAGE sql\n"
    "AS $function$select x$function$"
)
FUNCTION = row(
    Function,
    name="f",
    kind="function",
    identity_args="integer",
    arguments="x integer",
    result="integer",
    language="sql",
    volatility="volatile",
    parallel="unsafe",
    definition=F_SQL + "\n",
    arg_names=("x",),
    cost="100",
    rows="0",
    oid=20,
)
CAST = row(
    Cast, source="public.pair", target="text", function="public.f(integer)", context="e", method="f"
)

CASES = [
    Case(
        "schema created",
        (),
        (SCHEMA,),
        [("create", "schema", "schema:app", "create schema app")],
        [("drop", "schema", "schema:app", "drop schema app")],
    ),
    Case(
        "schema owner",
        (SCHEMA,),
        (replace(SCHEMA, owner="other"),),
        [("alter", "schema", "schema:app", "alter schema app owner to other")],
        [("alter", "schema", "schema:app", "alter schema app owner to current_user")],
    ),
    Case(
        "extension created",
        (),
        (CITEXT,),
        [
            (
                "create",
                "extension",
                "extension:citext",
                "create extension if not exists citext with schema public",
            )
        ],
        [("drop", "extension", "extension:citext", "drop extension citext")],
    ),
    Case(
        "extension updated",
        (CITEXT,),
        (replace(CITEXT, version="1.7"),),
        [("alter", "extension", "extension:citext", "alter extension citext update to '1.7'")],
        [("alter", "extension", "extension:citext", "alter extension citext update to '1.6'")],
    ),
    Case(
        "collation created",
        (),
        (COLLATION,),
        [
            (
                "create",
                "collation",
                "collation:public.c1",
                "create collation public.c1 (provider = icu, locale = 'und')",
            )
        ],
        [("drop", "collation", "collation:public.c1", "drop collation public.c1")],
    ),
    Case(
        "enum created",
        (),
        (MOOD,),
        [("create", "enum", "type:public.mood", "create type public.mood as enum ('a', 'b')")],
        [("drop", "enum", "type:public.mood", "drop type public.mood")],
    ),
    Case(
        # a label is added in place; taking one away replaces the type
        "enum label",
        (MOOD,),
        (replace(MOOD, labels=("a", "b", "c")),),
        [("alter", "enum", "type:public.mood", "alter type public.mood add value 'c' after 'b'")],
        [
            ("replace", "enum", "type:public.mood", "drop type public.mood"),
            ("replace", "enum", "type:public.mood", "create type public.mood as enum ('a', 'b')"),
        ],
    ),
    Case(
        "domain created with its constraint",
        (),
        (POSITIVE,),
        [
            ("create", "domain", "type:public.pos", "create domain public.pos as integer"),
            (
                "create",
                "domain constraint",
                "domain_constraint:public.pos.pos_check",
                "alter domain public.pos add constraint pos_check CHECK (VALUE > 0)",
            ),
        ],
        [("drop", "domain", "type:public.pos", "drop domain public.pos")],
    ),
    Case(
        "domain not null",
        (POSITIVE,),
        (replace(POSITIVE, not_null=True),),
        [("alter", "domain", "type:public.pos", "alter domain public.pos set not null")],
        [("alter", "domain", "type:public.pos", "alter domain public.pos drop not null")],
    ),
    Case(
        "domain constraint changed",
        (POSITIVE,),
        (replace(POSITIVE, constraints=("CHECK (VALUE > 1)",)),),
        [
            (
                "replace",
                "domain constraint",
                "domain_constraint:public.pos.pos_check",
                "alter domain public.pos drop constraint pos_check",
            ),
            (
                "replace",
                "domain constraint",
                "domain_constraint:public.pos.pos_check",
                "alter domain public.pos add constraint pos_check CHECK (VALUE > 1)",
            ),
        ],
    ),
    Case(
        "composite type created",
        (),
        (PAIR,),
        [
            (
                "create",
                "composite type",
                "type:public.pair",
                "create type public.pair as (a integer, b text)",
            )
        ],
        [("drop", "composite type", "type:public.pair", "drop type public.pair")],
    ),
    Case(
        "composite type attribute",
        (PAIR,),
        (
            replace(
                PAIR,
                attribute_names=("a", "b", "c"),
                attribute_types=("integer", "text", "date"),
                attribute_collations=("", "", ""),
            ),
        ),
        [
            (
                "alter",
                "composite type",
                "type:public.pair",
                "alter type public.pair add attribute c date",
            )
        ],
        [
            (
                "alter",
                "composite type",
                "type:public.pair",
                "alter type public.pair drop attribute c",
            )
        ],
    ),
    Case(
        "range created",
        (),
        (RANGE,),
        [
            (
                "create",
                "range",
                "type:public.r",
                "create type public.r as range (subtype = integer, "
                "multirange_type_name = public.r_multi)",
            )
        ],
        [("drop", "range", "type:public.r", "drop type public.r")],
    ),
    Case(
        "sequence created",
        (),
        (SEQUENCE,),
        [
            (
                "create",
                "sequence",
                "sequence:public.s",
                "create sequence public.s as bigint increment by 1 minvalue 1 "
                "maxvalue 9223372036854775807 start with 1 cache 1 no cycle",
            )
        ],
        [("drop", "sequence", "sequence:public.s", "drop sequence public.s")],
    ),
    Case(
        "sequence increment",
        (SEQUENCE,),
        (replace(SEQUENCE, increment=2),),
        [("alter", "sequence", "sequence:public.s", "alter sequence public.s increment by 2")],
        [("alter", "sequence", "sequence:public.s", "alter sequence public.s increment by 1")],
    ),
    Case(
        "function created",
        (),
        (FUNCTION,),
        [("create", "function", "function:public.f(integer)", F_SQL)],
        [("drop", "function", "function:public.f(integer)", "drop function public.f(integer)")],
    ),
    Case(
        "function body",
        (FUNCTION,),
        (replace(FUNCTION, definition=F_SQL.replace("select x", "select x + 1")),),
        [
            (
                "alter",
                "function",
                "function:public.f(integer)",
                F_SQL.replace("select x", "select x + 1"),
            )
        ],
        [("alter", "function", "function:public.f(integer)", F_SQL)],
    ),
    Case(
        "function volatility",
        (FUNCTION,),
        (replace(FUNCTION, volatility="stable"),),
        [
            (
                "alter",
                "function",
                "function:public.f(integer)",
                "alter function public.f(integer) stable",
            )
        ],
        [
            (
                "alter",
                "function",
                "function:public.f(integer)",
                "alter function public.f(integer) volatile",
            )
        ],
    ),
    Case(
        "cast created",
        (),
        (CAST,),
        [
            (
                "create",
                "cast",
                "cast:(public.pair as text)",
                "create cast (public.pair as text) with function public.f(integer)",
            )
        ],
        [("drop", "cast", "cast:(public.pair as text)", "drop cast (public.pair as text)")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_kind(case: Case) -> None:
    check(case)


def test_every_kind_here_is_covered() -> None:
    kinds = {step[1] for case in CASES for step in case.up}
    assert kinds == {
        ObjectKind.SCHEMA,
        ObjectKind.EXTENSION,
        ObjectKind.COLLATION,
        ObjectKind.ENUM,
        ObjectKind.DOMAIN,
        ObjectKind.DOMAIN_CONSTRAINT,
        ObjectKind.COMPOSITE_TYPE,
        ObjectKind.RANGE,
        ObjectKind.SEQUENCE,
        ObjectKind.FUNCTION,
        ObjectKind.CAST,
    }
