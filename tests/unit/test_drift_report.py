"""Drift for people: each drifted object, what differs, and the line that declares it.

Pure functions over plain data: a plan (its statements and rollback, in the shapes the
planner writes them) and a parsed schema/.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from creo_schema.drift import changes as changes_module
from creo_schema.drift.changes import changes
from creo_schema.drift.definitions import MAX_DIFF_LINES
from creo_schema.drift_report import drift_items, render_github, render_markdown
from creo_schema.plan.model import Plan, PlannedStatement
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.parse import parse_files

SCHEMA = {
    "schema/tables/orders.sql": (
        "-- orders\n"
        "create table public.orders (\n"
        "  id bigint primary key,\n"
        "  total numeric(12,2),\n"
        "  note text\n"
        ");\n"
        "alter table public.orders enable row level security;\n"
    ),
    "schema/policies/orders.sql": (
        'create policy "orders: read" on public.orders for select to authenticated using (true);\n'
        'create policy "50% off: read" on public.orders for select to anon using (false);\n'
    ),
    "schema/functions/credits.sql": (
        "create function public.count_orders() returns bigint\n"
        "language sql stable security definer set search_path = ''\n"
        "as $$\n  select count(*)\n  from public.orders\n$$;\n"
    ),
    "schema/views/totals.sql": "create view public.totals as select sum(total) from public.orders;\n",
    "schema/data/settings.sql": (
        "insert into public.settings (key, value) values\n  ('mode', 'on'),\n  ('limit', '10');\n"
    ),
}

FUNCTION = (
    "CREATE OR REPLACE FUNCTION public.count_orders()\n RETURNS bigint\n LANGUAGE sql\n"
    " STABLE SECURITY DEFINER\n SET search_path TO {path}\nAS $function$\n{body}$function$"
)
BODY = "  select count(*)\n  from public.orders\n"
TARGET = "postgresql://postgres@/creo?host=%2Ftmp%2Fcreo&port=5432"


def _plan(up: list[str], down: list[str] | None = None) -> Plan:
    return Plan(
        created_at=datetime(1970, 1, 1, tzinfo=UTC),
        target=TARGET,
        server_major=17,
        platform="supabase",
        managed_schemas=("public",),
        source_fingerprint="s",
        target_fingerprint="t",
        desired_fingerprint="d",
        statements=tuple(PlannedStatement(sql=s) for s in up),
        rollback=tuple(PlannedStatement(sql=s) for s in down or ()),
    )


def _source() -> SourceSet:
    files = tuple(SourceFile(path, text) for path, text in SCHEMA.items())
    return SourceSet("schema", files, tuple(parse_files(files)))


def _described(up: list[str], down: list[str]) -> list[tuple[str, str, str, list[str]]]:
    items = drift_items(_plan(up, down), _source())
    return [
        (i.kind, i.object, i.change.summary, [str(d) for d in i.change.differences]) for i in items
    ]


def _runner_unescaped(text: str) -> str:
    """What the Actions runner shows: it undoes %0D, %0A, %3A, %2C, then %25."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


# -- what differs ------------------------------------------------------------------------------


def test_a_function_whose_only_change_is_search_path_names_that_attribute() -> None:
    up = ["set check_function_bodies = off", FUNCTION.format(path="''", body=BODY)]
    down = ["set check_function_bodies = off", FUNCTION.format(path="'public'", body=BODY)]
    items = drift_items(_plan(up, down), _source())
    assert len(items) == 1  # the session setting is no object
    item = items[0]
    assert (item.kind, item.object, item.change.action) == (
        "function",
        "public.count_orders()",
        "alter",
    )
    assert item.change.summary == "differs from schema/: search_path"
    assert [str(d) for d in item.change.differences] == [
        "search_path: '' in schema/, 'public' in the database"
    ]
    assert item.change.diff == ()
    assert str(item.location) == "schema/functions/credits.sql:1:1"


def test_a_changed_body_is_a_short_unified_diff_and_attributes_are_named() -> None:
    old = BODY.replace("count(*)", "count(id)")
    down = [FUNCTION.format(path="''", body=old).replace("STABLE ", "VOLATILE ")]
    up = [FUNCTION.format(path="''", body=BODY)]
    (change,) = changes(_plan(up).statements, _plan(down).statements)
    assert change.summary == "differs from schema/: volatility, body"
    assert [str(d) for d in change.differences] == [
        "volatility: stable in schema/, volatile in the database"
    ]
    assert change.diff == (
        "@@ -1,2 +1,2 @@",
        "-  select count(id)",
        "+  select count(*)",
        "   from public.orders",
    )


def test_a_long_body_diff_is_capped() -> None:
    old = "".join(f"  perform {i};\n" for i in range(60))
    new = "".join(f"  perform {i + 1000};\n" for i in range(60))
    up = [FUNCTION.format(path="''", body=new)]
    down = [FUNCTION.format(path="''", body=old)]
    (change,) = changes(_plan(up).statements, _plan(down).statements)
    assert len(change.diff) == MAX_DIFF_LINES + 1
    assert change.diff[-1].startswith("… ") and change.diff[-1].endswith("more lines")


def test_tables_policies_rows_each_named_with_what_differs() -> None:
    up = [
        'alter table "public"."orders" drop column "legacy"',
        'alter table "public"."orders" add column "note" text',
        'alter table "public"."orders" alter column "total" set data type numeric(12,2) '
        'using "total"::numeric(12,2)',
        'create policy "orders: read"\non "public"."orders"\nas permissive\nfor select\n'
        "to authenticated\nusing (true)",
        'drop policy "sneaked: all" on "public"."orders"',
        'update "public"."settings" set "value" = \'on\'::text where "key" = \'mode\'::text',
        'insert into "public"."settings" ("key", "value") values (\'limit\'::text, \'10\'::text)',
    ]
    down = [
        'delete from "public"."settings" where "key" = \'limit\'::text',
        'update "public"."settings" set "value" = \'off\'::text where "key" = \'mode\'::text',
        'create policy "sneaked: all"\non "public"."orders"\nas permissive\nfor all\nto public\n'
        "using (true)",
        'drop policy "orders: read" on "public"."orders"',
        'alter table "public"."orders" alter column "total" set data type numeric using "total"::numeric',
        'alter table "public"."orders" drop column "note"',
        'alter table "public"."orders" add column "legacy" integer',
    ]
    assert _described(up, down) == [
        (
            "table",
            "public.orders",
            "differs from schema/: column legacy, column note, column total",
            [
                "column legacy: in the database, not declared in schema/",
                "column note: missing from the database (text)",
                "column total: type numeric(12, 2) in schema/, numeric in the database",
            ],
        ),
        (
            "policy",
            '"orders: read" on public.orders',
            "missing from the database: the plan creates it",
            [],
        ),
        (
            "policy",
            '"sneaked: all" on public.orders',
            "in the database, not declared in schema/: the plan drops it",
            [],
        ),
        (
            "row",
            "public.settings (key = 'mode')",
            "differs from schema/: value",
            ["value: 'on' in schema/, 'off' in the database"],
        ),
        (
            "row",
            "public.settings (key = 'limit')",
            "missing from the database: the plan creates it",
            [],
        ),
    ]
    locations = [str(i.location) for i in drift_items(_plan(up, down), _source())]
    assert locations == [
        "schema/tables/orders.sql:2:1",
        "schema/policies/orders.sql:1:1",
        "None",  # not declared anywhere
        "schema/data/settings.sql:2:4",  # the row's own line
        "schema/data/settings.sql:3:4",
    ]


def test_one_column_change_points_at_the_column_line() -> None:
    up = ['alter table "public"."orders" alter column "note" drop not null']
    down = ['alter table "public"."orders" alter column "note" set not null']
    (item,) = drift_items(_plan(up, down), _source())
    assert [str(d) for d in item.change.differences] == [
        "column note: nullable in schema/, not null in the database"
    ]
    assert str(item.location) == "schema/tables/orders.sql:5:3"


def test_online_rewrites_read_as_the_one_change_they_make() -> None:
    """SET NOT NULL through a temporary check, ADD CONSTRAINT as NOT VALID + VALIDATE."""
    up = [
        'alter table "public"."orders" add constraint "creo_not_null_1a2b3c4d" check ("total" is not null) not valid',
        'alter table "public"."orders" add constraint "orders_total_check" CHECK ((total > (0)::numeric)) NOT VALID',
        'alter table "public"."orders" validate constraint "creo_not_null_1a2b3c4d"',
        'alter table "public"."orders" validate constraint "orders_total_check"',
        'alter table "public"."orders" alter column "total" set not null',
        'alter table "public"."orders" drop constraint "creo_not_null_1a2b3c4d"',
        'grant select on table public.orders to "authenticated"',
        'revoke delete on table public.orders from "anon"',
        "comment on table public.orders is 'Orders.'",
    ]
    down = [
        "comment on table public.orders is 'Old.'",
        'alter table "public"."orders" drop constraint "orders_total_check"',
        'alter table "public"."orders" alter column "total" drop not null',
    ]
    assert _described(up, down)[0][3] == [
        "constraint orders_total_check: missing from the database (CHECK (total > 0::numeric))",
        "column total: not null in schema/, nullable in the database",
        "privilege select to authenticated: missing from the database",
        "privilege delete to anon: granted in the database, not in schema/",
        "comment: 'Orders.' in schema/, 'Old.' in the database",
    ]


def test_a_policy_re_created_differently_names_the_clause() -> None:
    up = [
        'drop policy "orders: read" on "public"."orders"',
        'create policy "orders: read"\non "public"."orders"\nas permissive\nfor select\n'
        "to authenticated\nusing ((id > 0))",
    ]
    down = [
        'drop policy "orders: read" on "public"."orders"',
        'create policy "orders: read"\non "public"."orders"\nas permissive\nfor select\n'
        "to anon, authenticated\nusing ((id > 1))",
    ]
    assert _described(up, down) == [
        (
            "policy",
            '"orders: read" on public.orders',
            "differs from schema/: using, to",
            [
                "using: id > 0 in schema/, id > 1 in the database",
                "to: authenticated in schema/, anon, authenticated in the database",
            ],
        )
    ]


def test_an_object_re_created_unchanged_is_a_notice() -> None:
    view = 'create or replace view "public"."v" as  SELECT 1 AS one'
    items = drift_items(_plan([view], ['drop view if exists "public"."v"', view]), _source())
    assert items[0].change.action == "recreate"
    assert render_github(_plan([view], [view]), _source()).startswith("::notice ")


# -- the formats -------------------------------------------------------------------------------


def test_github_annotations_escape_once_and_never_print_the_url() -> None:
    up = [
        FUNCTION.format(path="''", body=BODY),
        'create policy "50% off: read"\non "public"."orders"\nas permissive\nfor select\n'
        "to anon\nusing (false)",
        'drop table "public"."sneaked_in"',
    ]
    down = [FUNCTION.format(path="'public'", body=BODY)]
    lines = render_github(_plan(up, down), _source()).splitlines()
    assert lines == [
        "::error file=schema/functions/credits.sql,line=1,col=1,"
        "title=drift%3A function public.count_orders()::"
        "differs from schema/: search_path%0A"
        "- search_path: '' in schema/, 'public' in the database",
        "::error file=schema/policies/orders.sql,line=2,col=1,"
        'title=drift%3A policy "50%25 off%3A read" on public.orders::'
        "missing from the database: the plan creates it",
        "::error title=drift%3A table public.sneaked_in::"
        "in the database, not declared in schema/: the plan drops it",
    ]
    text = "\n".join(lines)
    assert "%2F" not in text and "%252F" not in text and "postgresql://" not in text
    title = lines[1].split("title=", 1)[1].split("::", 1)[0]
    assert _runner_unescaped(title) == 'drift: policy "50% off: read" on public.orders'
    assert render_github(_plan([]), _source()) == (
        "::notice title=creo-schema drift::the database matches schema/ "
        "(PostgreSQL 17, schemas: public)\n"
    )


def test_github_multi_line_message_keeps_each_diff_line_on_its_own_line() -> None:
    up = [FUNCTION.format(path="''", body=BODY)]
    down = [FUNCTION.format(path="''", body=BODY.replace("count(*)", "count(id)"))]
    (line,) = render_github(_plan(up, down), _source()).splitlines()
    message = _runner_unescaped(line.split("::", 2)[2]).splitlines()
    assert message == [
        "differs from schema/: body",
        "(- the database, + schema/)",
        "@@ -1,2 +1,2 @@",
        "-  select count(id)",
        "+  select count(*)",
        "   from public.orders",
    ]


def test_markdown_rows_name_kind_object_and_change() -> None:
    up = [
        "set check_function_bodies = off",
        FUNCTION.format(path="''", body=BODY),
        'drop table "public"."sneaked_in"',
        'update "public"."settings" set "value" = \'on\'::text where "key" = \'mode\'::text',
    ]
    down = [
        FUNCTION.format(path="'public'", body=BODY),
        'update "public"."settings" set "value" = \'off\'::text where "key" = \'mode\'::text',
    ]
    text = render_markdown(_plan(up, down), _source())
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows == [
        "| Kind | Object | Declared at | Change |",
        "| function | public.count\\_orders() | `schema/functions/credits.sql:1` | "
        "differs from schema/: search\\_path<br>search\\_path: '' in schema/, 'public' in the database |",
        "| table | public.sneaked\\_in | not declared | "
        "in the database, not declared in schema/: the plan drops it |",
        "| row | public.settings (key = 'mode') | `schema/data/settings.sql:2` | "
        "differs from schema/: value<br>value: 'on' in schema/, 'off' in the database |",
    ]
    assert "?" not in "".join(rows)
    assert "3 objects differ from `schema/` (4 statements would bring it in line)" in text
    assert "```sql\n" in text and "</details>" in text
    assert "in sync" in render_markdown(_plan([]), _source())


def test_markdown_shows_body_diffs_below_the_table() -> None:
    up = [FUNCTION.format(path="''", body=BODY)]
    down = [FUNCTION.format(path="''", body=BODY.replace("count(*)", "count(id)"))]
    text = render_markdown(_plan(up, down), _source())
    assert "```diff\n@@ -1,2 +1,2 @@\n-  select count(id)\n+  select count(*)\n" in text


def test_json_items_are_plain_data() -> None:
    up = [FUNCTION.format(path="''", body=BODY)]
    down = [FUNCTION.format(path="'public'", body=BODY)]
    (item,) = drift_items(_plan(up, down), _source())
    assert json.loads(json.dumps(item.to_dict())) == {
        "kind": "function",
        "object": "public.count_orders()",
        "action": "alter",
        "change": "differs from schema/: search_path",
        "differences": ["search_path: '' in schema/, 'public' in the database"],
        "diff": [],
        "location": {"file": "schema/functions/credits.sql", "line": 1, "column": 1},
        "statements": [up[0]],
    }


# -- shapes the planner writes for other kinds (from the scenario corpus, tests/cases) ------


def _differences(up: list[str], down: list[str]) -> list[tuple[str, str, str, list[str]]]:
    return [
        (c.subject.kind, c.subject.name, c.action, [str(d) for d in c.differences])
        for c in changes(_plan(up).statements, _plan(down).statements)
    ]


def test_an_index_built_for_a_constraint_is_part_of_the_constraint() -> None:
    up = [
        "CREATE UNIQUE INDEX tags_pkey ON public.tags USING btree (name)",
        'alter table "public"."tags" add constraint "tags_pkey" PRIMARY KEY using index "tags_pkey"',
    ]
    down = [
        'alter table "public"."tags" drop constraint "tags_pkey"',
        'drop index if exists "public"."tags_pkey"',
    ]
    assert _differences(up, down) == [
        (
            "table",
            "public.tags",
            "alter",
            ["constraint tags_pkey: missing from the database (PRIMARY KEY (name))"],
        )
    ]
    assert _differences(down, up) == [
        (
            "table",
            "public.tags",
            "alter",
            ["constraint tags_pkey: in the database, not declared in schema/"],
        )
    ]


def test_an_enum_replaced_to_drop_a_label_names_the_label_not_its_columns() -> None:
    up = [
        'alter table "public"."posts" alter column "status" drop default',
        'alter type "public"."status" rename to "status__old_version_to_be_dropped"',
        "create type \"public\".\"status\" as enum ('draft', 'published')",
        'alter table "public"."posts" alter column status type "public"."status" using status::text::"public"."status"',
        'alter table "public"."posts" alter column "status" set default \'draft\'::status',
        'drop type "public"."status__old_version_to_be_dropped"',
    ]
    down = ["alter type \"public\".\"status\" add value 'archived' after 'published'"]
    assert _differences(up, down) == [
        ("table", "public.posts", "recreate", []),
        (
            "type",
            "public.status",
            "alter",
            ["label 'archived': in the database, not declared in schema/"],
        ),
    ]


def test_identity_sequence_and_default_privileges_are_named() -> None:
    up = [
        'alter table "public"."items" alter column "id" set generated by default',
        'alter sequence "public"."ticket_seq" as bigint increment by 10 minvalue 1 '
        "maxvalue 9223372036854775807 start with 1 cache 1 no cycle restart with 1",
        'alter default privileges for role "postgres" in schema "public" grant select on tables to "authenticated"',
    ]
    down = [
        'alter table "public"."items" alter column "id" set generated always',
        'alter sequence "public"."ticket_seq" as bigint increment by 1 minvalue 1 '
        "maxvalue 9223372036854775807 start with 1 cache 1 no cycle restart with 1",
        'alter default privileges for role "postgres" in schema "public" revoke select on tables from "authenticated"',
    ]
    assert _differences(up, down) == [
        (
            "table",
            "public.items",
            "alter",
            [
                "column id: identity generated by default in schema/, generated always in the database"
            ],
        ),
        ("sequence", "public.ticket_seq", "alter", ["increment: 10 in schema/, 1 in the database"]),
        (
            "default privileges",
            "for role postgres in schema public on tables",
            "alter",
            ["privilege select to authenticated: missing from the database"],
        ),
    ]


def test_a_grant_on_a_view_is_shown_as_the_view_schema_declares() -> None:
    up = ['grant select on table public.totals to "authenticated"']
    (item,) = drift_items(_plan(up, []), _source())
    assert (item.kind, item.object, str(item.location)) == (
        "view",
        "public.totals",
        "schema/views/totals.sql:1:1",
    )


def test_a_statement_shape_not_understood_is_still_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_understood(*args: object) -> list[object]:
        raise AttributeError("no such field")

    monkeypatch.setattr(changes_module, "phrases", not_understood)
    up = ['alter table "public"."orders" drop column "legacy"']
    assert _differences(up, []) == [
        (
            "table",
            "public.orders",
            "alter",
            ['statement: alter table "public"."orders" drop column "legacy"'],
        )
    ]


def test_a_comment_naming_pg_catalog_types_is_about_the_same_function() -> None:
    create = (
        "CREATE OR REPLACE FUNCTION public.get_credits(user_uuid uuid, scope api_scope)\n"
        " RETURNS integer\n LANGUAGE sql\nAS $function$ select 1 $function$"
    )
    comment = "comment on function public.get_credits(pg_catalog.uuid,public.api_scope) is 'x'"
    drop = 'drop function if exists "public"."get_credits"(user_uuid uuid, scope api_scope)'
    assert _differences([create, comment], [drop]) == [
        ("function", "public.get_credits(uuid, api_scope)", "create", [])
    ]
