"""Drift for people: each drifted object, what differs, and the line that declares it.

Pure functions over plain data: a plan (the catalog differences it carries, its typed
statements) and a parsed schema/. Nothing here is SQL read back: the statements' text only
rides along to be shown.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from creo_schema.catalog.differences import FieldChange, FieldValue, ObjectDiff, ObjectRef
from creo_schema.diff.data import RowDiff
from creo_schema.drift.changes import changes
from creo_schema.drift.words import MAX_DIFF_LINES
from creo_schema.drift_report import drift_items, render_github, render_markdown
from creo_schema.plan_document import Plan, PlannedStatement
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

DEFINITION = (
    "CREATE OR REPLACE FUNCTION public.count_orders()\n RETURNS bigint\n LANGUAGE sql\n"
    " STABLE SECURITY DEFINER\n SET search_path TO ''\nAS $function$\n{body}$function$\n"
)
BODY = "\n  select count(*)\n  from public.orders\n"
TARGET = "postgresql://postgres@/creo?host=%2Ftmp%2Fcreo&port=5432"
FUNCTION = ObjectRef(
    "functions",
    "public.count_orders()",
    (("schema", "public"), ("name", "count_orders"), ("kind", "function"), ("identity_args", "")),
)


def _plan(
    differences: list[ObjectDiff],
    statements: list[PlannedStatement] | None = None,
    rows: list[RowDiff] | None = None,
) -> Plan:
    return Plan(
        created_at=datetime(1970, 1, 1, tzinfo=UTC),
        target=TARGET,
        server_major=17,
        platform="supabase",
        managed_schemas=("public",),
        source_fingerprint="s",
        target_fingerprint="t",
        desired_fingerprint="d",
        statements=tuple(statements or ()),
        rollback=(),
        differences=tuple(differences),
        row_differences=tuple(rows or ()),
    )


def _ref(of: str, key: str, **naming: FieldValue) -> ObjectRef:
    """An object of the snapshot kind `of` (its `kind=` is the row's own: table, view ...)."""
    return ObjectRef(of, key, tuple(naming.items()))


def _on_orders(of: str, name: str, **naming: FieldValue) -> ObjectRef:
    return _ref(of, f"public.orders.{name}", schema="public", table="orders", name=name, **naming)


def _diff(
    ref: ObjectRef, action: str = "alter", *fields: tuple[str, FieldValue, FieldValue]
) -> ObjectDiff:
    return ObjectDiff(ref, action, tuple(FieldChange(*f) for f in fields))  # type: ignore[arg-type]


def _statement(
    sql: str, kind: str, target: str, table: str = "", **more: object
) -> PlannedStatement:
    return PlannedStatement(sql=sql, kind=kind, target=target, table=table, **more)  # type: ignore[arg-type]


ORDERS = _ref("relations", "public.orders", schema="public", name="orders", kind="table")


def _source() -> SourceSet:
    files = tuple(SourceFile(path, text) for path, text in SCHEMA.items())
    return SourceSet("schema", files, tuple(parse_files(files)))


def _described(plan: Plan) -> list[tuple[str, str, str, list[str]]]:
    return [
        (i.kind, i.object, i.change.summary, [str(d) for d in i.change.differences])
        for i in drift_items(plan, _source())
    ]


def _search_path_drift() -> Plan:
    """The database's function has `search_path=public` (old), schema/'s an empty one."""
    config = _diff(FUNCTION, "alter", ("config", ("search_path=public",), ('search_path=""',)))
    statement = _statement(DEFINITION.format(body=BODY), "function", "public.count_orders()")
    return _plan([config], [statement])


def _runner_unescaped(text: str) -> str:
    """What the Actions runner shows: it undoes %0D, %0A, %3A, %2C, then %25."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


# -- what differs ------------------------------------------------------------------------------


def test_a_function_whose_only_change_is_search_path_names_that_setting() -> None:
    items = drift_items(_search_path_drift(), _source())
    assert len(items) == 1
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
    old = DEFINITION.format(body=BODY.replace("count(*)", "count(id)"))
    new = DEFINITION.format(body=BODY)
    diff = ObjectDiff(
        FUNCTION,
        "alter",
        (FieldChange("volatility", "volatile", "stable"), FieldChange("definition", old, new)),
    )
    (change,) = changes(_plan([diff]))
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
    old = DEFINITION.format(body="".join(f"  perform {i};\n" for i in range(60)))
    new = DEFINITION.format(body="".join(f"  perform {i + 1000};\n" for i in range(60)))
    (change,) = changes(
        _plan([ObjectDiff(FUNCTION, "alter", (FieldChange("definition", old, new),))])
    )
    assert len(change.diff) == MAX_DIFF_LINES + 1
    assert change.diff[-1].startswith("… ") and change.diff[-1].endswith("more lines")


def test_tables_policies_rows_each_named_with_what_differs() -> None:
    read = _ref(
        "policies",
        "public.orders.orders: read",
        schema="public",
        table="orders",
        name="orders: read",
    )
    sneaked = _ref(
        "policies",
        "public.orders.sneaked: all",
        schema="public",
        table="orders",
        name="sneaked: all",
    )
    differences = [
        ObjectDiff(
            _on_orders("columns", "legacy"), "drop", (FieldChange("type", "integer", None),)
        ),
        ObjectDiff(_on_orders("columns", "note"), "create", (FieldChange("type", None, "text"),)),
        _diff(_on_orders("columns", "total"), "alter", ("type", "numeric", "numeric(12,2)")),
        ObjectDiff(read, "create"),
        ObjectDiff(sneaked, "drop"),
    ]
    statements = [
        _statement(
            'alter table "public"."orders" drop column "legacy"',
            "column",
            "public.orders.legacy",
            "public.orders",
            hazards=("deletes_data",),
        ),
        _statement(
            'alter table "public"."orders" add column "note" text',
            "column",
            "public.orders.note",
            "public.orders",
        ),
        _statement(
            'create policy "orders: read" ...',
            "policy",
            'public.orders."orders: read"',
            "public.orders",
        ),
        _statement(
            'drop policy "sneaked: all" on "public"."orders"',
            "policy",
            'public.orders."sneaked: all"',
            "public.orders",
        ),
        _statement("update ...", "row", ""),
        _statement("insert ...", "row", ""),
    ]
    rows = [
        RowDiff(
            "public.settings", (("key", "mode"),), "alter", (FieldChange("value", "off", "on"),)
        ),
        RowDiff("public.settings", (("key", "limit"),), "create"),
    ]
    plan = _plan(differences, statements, rows)
    assert _described(plan) == [
        (
            "table",
            "public.orders",
            "differs from schema/: column legacy, column note, column total",
            [
                "column legacy: in the database, not declared in schema/",
                "column note: missing from the database (text)",
                "column total: type numeric(12,2) in schema/, numeric in the database",
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
    items = drift_items(plan, _source())
    assert [str(i.location) for i in items] == [
        "schema/tables/orders.sql:2:1",
        "schema/policies/orders.sql:1:1",
        "None",  # not declared anywhere
        "schema/data/settings.sql:2:4",  # the row's own line
        "schema/data/settings.sql:3:4",
    ]
    # Each object carries its own statements; the table's drop of a column deletes data.
    assert [len(i.change.statements) for i in items] == [2, 1, 1, 1, 1]
    assert [i.change.destructive for i in items] == [True, False, False, False, False]


def test_one_column_change_points_at_the_column_line() -> None:
    (item,) = drift_items(
        _plan([_diff(_on_orders("columns", "note"), "alter", ("not_null", True, False))]), _source()
    )
    assert [str(d) for d in item.change.differences] == [
        "column note: nullable in schema/, not null in the database"
    ]
    assert str(item.location) == "schema/tables/orders.sql:5:3"


def test_constraints_grants_and_comments_are_the_tables() -> None:
    column = _on_orders("columns", "total")
    differences = [
        ObjectDiff(
            _on_orders("constraints", "orders_total_check", kind="check"),
            "create",
            (FieldChange("definition", None, "CHECK ((total > (0)::numeric))"),),
        ),
        _diff(_on_orders("columns", "total"), "alter", ("not_null", False, True)),
        ObjectDiff(
            _ref("privileges", "on table public.orders to authenticated", grantee="authenticated"),
            "alter",
            (FieldChange("privileges", ("delete",), ("select",)),),
            ORDERS,
        ),
        ObjectDiff(
            _ref("privileges", "on column public.orders.total to anon", grantee="anon"),
            "create",
            (FieldChange("privileges", None, ("update",)),),
            column,
        ),
        ObjectDiff(
            _ref("comments", "table public.orders"),
            "alter",
            (FieldChange("text", "Old.", "Orders."),),
            ORDERS,
        ),
    ]
    assert _described(_plan(differences))[0][3] == [
        "constraint orders_total_check: missing from the database (CHECK ((total > (0)::numeric)))",
        "column total: not null in schema/, nullable in the database",
        "privilege select to authenticated: missing from the database",
        "privilege delete to authenticated: granted in the database, not in schema/",
        "privilege update (total) to anon: missing from the database",
        "comment: 'Orders.' in schema/, 'Old.' in the database",
    ]


def test_a_policy_changed_names_each_clause() -> None:
    read = _ref(
        "policies",
        "public.orders.orders: read",
        schema="public",
        table="orders",
        name="orders: read",
    )
    diff = ObjectDiff(
        read,
        "alter",
        (
            FieldChange("roles", ("anon", "authenticated"), ("authenticated",)),
            FieldChange("using", "(id > 1)", "(id > 0)"),
        ),
    )
    assert _described(_plan([diff])) == [
        (
            "policy",
            '"orders: read" on public.orders',
            "differs from schema/: to, using",
            [
                "to: authenticated in schema/, anon, authenticated in the database",
                "using: (id > 0) in schema/, (id > 1) in the database",
            ],
        )
    ]


def test_an_object_re_created_unchanged_is_a_notice() -> None:
    statements = [
        _statement('drop view if exists "public"."v"', "view", "public.v", action="replace"),
        _statement(
            'create view "public"."v" as  SELECT 1 AS one', "view", "public.v", action="replace"
        ),
    ]
    (item,) = drift_items(_plan([], statements), _source())
    assert (item.kind, item.object, item.change.action) == ("view", "public.v", "recreate")
    assert len(item.change.statements) == 2
    assert render_github(_plan([], statements), _source()).startswith("::notice ")


# -- the formats -------------------------------------------------------------------------------


def test_github_annotations_escape_once_and_never_print_the_url() -> None:
    off = _ref(
        "policies",
        "public.orders.50% off: read",
        schema="public",
        table="orders",
        name="50% off: read",
    )
    sneaked = _ref(
        "relations", "public.sneaked_in", schema="public", name="sneaked_in", kind="table"
    )
    plan = _search_path_drift()
    plan = plan.model_copy(
        update={
            "differences": (
                *plan.differences,
                ObjectDiff(off, "create"),
                ObjectDiff(sneaked, "drop"),
            )
        }
    )
    lines = render_github(plan, _source()).splitlines()
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
    old = DEFINITION.format(body=BODY.replace("count(*)", "count(id)"))
    diff = ObjectDiff(
        FUNCTION, "alter", (FieldChange("definition", old, DEFINITION.format(body=BODY)),)
    )
    statement = _statement(DEFINITION.format(body=BODY), "function", "public.count_orders()")
    (line,) = render_github(_plan([diff], [statement]), _source()).splitlines()
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
    sneaked = _ref(
        "relations", "public.sneaked_in", schema="public", name="sneaked_in", kind="table"
    )
    plan = _search_path_drift()
    statements = (
        *plan.statements,
        _statement('drop table "public"."sneaked_in"', "table", "public.sneaked_in"),
        _statement("update ...", "row", ""),
    )
    plan = plan.model_copy(
        update={
            "differences": (*plan.differences, ObjectDiff(sneaked, "drop")),
            "statements": statements,
            "row_differences": (
                RowDiff(
                    "public.settings",
                    (("key", "mode"),),
                    "alter",
                    (FieldChange("value", "off", "on"),),
                ),
            ),
        }
    )
    text = render_markdown(plan, _source())
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
    assert "3 objects differ from `schema/` (3 statements would bring it in line)" in text
    assert "```sql\n" in text and "</details>" in text
    assert "in sync" in render_markdown(_plan([]), _source())


def test_markdown_shows_body_diffs_below_the_table() -> None:
    old = DEFINITION.format(body=BODY.replace("count(*)", "count(id)"))
    diff = ObjectDiff(
        FUNCTION, "alter", (FieldChange("definition", old, DEFINITION.format(body=BODY)),)
    )
    statement = _statement(DEFINITION.format(body=BODY), "function", "public.count_orders()")
    text = render_markdown(_plan([diff], [statement]), _source())
    assert "```diff\n@@ -1,2 +1,2 @@\n-  select count(id)\n+  select count(*)\n" in text


def test_json_items_are_plain_data() -> None:
    (item,) = drift_items(_search_path_drift(), _source())
    assert json.loads(json.dumps(item.to_dict())) == {
        "kind": "function",
        "object": "public.count_orders()",
        "action": "alter",
        "change": "differs from schema/: search_path",
        "differences": ["search_path: '' in schema/, 'public' in the database"],
        "diff": [],
        "destructive": False,
        "location": {"file": "schema/functions/credits.sql", "line": 1, "column": 1},
        "statements": [DEFINITION.format(body=BODY)],
    }


# -- the shapes of other kinds --------------------------------------------------------------


def _differences(plan: Plan) -> list[tuple[str, str, str, list[str]]]:
    return [
        (c.subject.kind, c.subject.name, c.action, [str(d) for d in c.differences])
        for c in changes(plan)
    ]


def test_an_index_built_for_a_constraint_is_part_of_the_constraint() -> None:
    tags = {"schema": "public", "table": "tags"}
    index = _ref("indexes", "public.tags_pkey", name="tags_pkey", constraint="tags_pkey", **tags)
    constraint = _ref(
        "constraints", "public.tags.tags_pkey", name="tags_pkey", kind="primary key", **tags
    )
    statements = [
        _statement(
            "CREATE UNIQUE INDEX tags_pkey ON public.tags USING btree (name)",
            "index",
            "public.tags_pkey",
            "public.tags",
        ),
        _statement(
            'alter table "public"."tags" add constraint "tags_pkey" PRIMARY KEY using index "tags_pkey"',
            "constraint",
            "public.tags.tags_pkey",
            "public.tags",
        ),
    ]
    created = [
        ObjectDiff(constraint, "create", (FieldChange("definition", None, "PRIMARY KEY (name)"),)),
        ObjectDiff(index, "create"),
    ]
    (change,) = changes(_plan(created, statements))
    assert (change.subject.kind, change.subject.name, change.action) == (
        "table",
        "public.tags",
        "alter",
    )
    assert [str(d) for d in change.differences] == [
        "constraint tags_pkey: missing from the database (PRIMARY KEY (name))"
    ]
    assert len(change.statements) == 2
    dropped = [ObjectDiff(constraint, "drop"), ObjectDiff(index, "drop")]
    assert _differences(_plan(dropped)) == [
        (
            "table",
            "public.tags",
            "alter",
            ["constraint tags_pkey: in the database, not declared in schema/"],
        )
    ]


def test_an_enum_that_loses_a_label_names_the_label_and_its_columns_are_re_typed() -> None:
    status = _ref("enums", "public.status", schema="public", name="status")
    diff = _diff(
        status, "alter", ("labels", ("draft", "published", "archived"), ("draft", "published"))
    )
    statements = [
        _statement(
            'alter table "public"."posts" alter column "status" drop default',
            "column",
            "public.posts.status",
            "public.posts",
        ),
        _statement('create type "public"."status" ...', "enum", "public.status"),
    ]
    assert _differences(_plan([diff], statements)) == [
        ("table", "public.posts", "recreate", []),
        (
            "type",
            "public.status",
            "alter",
            ["label 'archived': in the database, not declared in schema/"],
        ),
    ]


def test_identity_sequence_and_default_privileges_are_named() -> None:
    items = {"schema": "public", "table": "items", "name": "id"}
    differences = [
        _diff(_ref("columns", "public.items.id", **items), "alter", ("identity", "a", "d")),
        _diff(
            _ref("sequences", "public.ticket_seq", schema="public", name="ticket_seq"),
            "alter",
            ("increment", 1, 10),
        ),
        ObjectDiff(
            _ref(
                "default_privileges",
                "for role postgres in schema public on tables to authenticated",
                schema="public",
                object_type="tables",
                grantee="authenticated",
                role="postgres",
            ),
            "create",
            (FieldChange("privileges", None, ("select",)),),
        ),
    ]
    assert _differences(_plan(differences)) == [
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
    totals = _ref("relations", "public.totals", schema="public", name="totals")
    grant = ObjectDiff(
        _ref("privileges", "on view public.totals to authenticated", grantee="authenticated"),
        "create",
        (FieldChange("privileges", None, ("select",)),),
        totals,
    )
    (item,) = drift_items(_plan([grant]), _source())
    assert (item.kind, item.object, str(item.location)) == (
        "view",
        "public.totals",
        "schema/views/totals.sql:1:1",
    )


def test_a_routine_is_named_by_its_input_types_and_owns_its_grants_and_comment() -> None:
    naming = {
        "schema": "public",
        "name": "get_credits",
        "kind": "function",
        "identity_args": "user_uuid uuid, scope public.api_scope, amount numeric(12,2)",
        "arg_names": ("user_uuid", "scope", "amount"),
    }
    routine = _ref("functions", "public.get_credits(...)", **naming)
    differences = [
        ObjectDiff(
            _ref("comments", "function public.get_credits(uuid,public.api_scope,numeric)"),
            "create",
            (FieldChange("text", None, "x"),),
            routine,
        ),
        ObjectDiff(
            _ref("privileges", "on function public.get_credits(...) to anon", grantee="anon"),
            "drop",
            (FieldChange("privileges", ("execute",), None),),
            routine,
        ),
    ]
    statement = _statement(
        "revoke execute ...",
        "function",
        "public.get_credits(user_uuid uuid, scope public.api_scope, amount numeric(12,2))",
    )
    (change,) = changes(_plan(differences, [statement]))
    assert change.subject.name == "public.get_credits(uuid, api_scope, numeric(12,2))"
    assert change.subject.input_args == 3
    assert [str(d) for d in change.differences] == [
        "comment: 'x' in schema/",
        "privilege execute to anon: granted in the database, not in schema/",
    ]
    assert change.statements == (statement,)


def test_a_constraints_index_changed_on_its_own_is_said_of_the_constraint() -> None:
    tags = {"schema": "public", "table": "teams"}
    index = _ref("indexes", "public.teams_pkey", name="teams_pkey", constraint="teams_pkey", **tags)
    diff = ObjectDiff(index, "alter", (FieldChange("options", (), ("fillfactor=80",)),))
    statement = _statement(
        "alter index public.teams_pkey set (fillfactor=80)", "constraint", "public.teams.teams_pkey"
    )
    assert _differences(_plan([diff], [statement])) == [
        (
            "table",
            "public.teams",
            "alter",
            ["constraint teams_pkey: index options fillfactor=80 in schema/, none in the database"],
        )
    ]
