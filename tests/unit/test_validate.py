"""The static rules of `validate` (no database): cases as data, each with the findings it must give."""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.source.discover import discover
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.parse import parse_files
from creo_schema.source.validate import in_data_dir, validate_source
from tests.conftest import ROOT

TABLES = """\
create schema private;
create type public.user_role as enum ('user', 'admin');
create table public.users (id uuid primary key references auth.users (id), role public.user_role);
create table public.orders (id bigint primary key, user_id uuid references public.users (id));
create function private.is_admin() returns boolean language sql stable
  security definer set search_path = '' as $$ select true $$;
"""

# (id, {file: sql}, [(rule, "line:col", fragment of message or hint)])
CASES = [
    ("clean", {"a.sql": TABLES}, []),
    (
        "drop",
        {"a.sql": "drop table public.orders;"},
        [("non-declarative", "1:1", "DROP TABLE removes an object")],
    ),
    (
        "dml_outside_data",
        {"a.sql": TABLES + "insert into public.orders values (1, null);"},
        [("non-declarative", "7:1", "INSERT changes rows")],
    ),
    (
        "update_in_data",
        {"a.sql": TABLES, "data/x.sql": "update public.orders set id = 2;"},
        [("non-declarative", "1:1", "data files may only hold INSERT")],
    ),
    (
        "insert_in_data",
        {"a.sql": TABLES, "data/x.sql": "insert into public.orders values (1);"},
        [],
    ),
    (
        "transaction",
        {"a.sql": "begin;\ncreate schema s;\ncommit;"},
        [
            ("non-declarative", "1:1", "BEGIN is transaction control"),
            ("non-declarative", "3:1", "COMMIT"),
        ],
    ),
    (
        "alter_drop_column",
        {"a.sql": TABLES + "alter table public.orders drop column user_id;"},
        [("non-declarative", "7:1", "drops a column")],
    ),
    (
        "rename",
        {"a.sql": TABLES + "alter table public.orders rename to purchases;"},
        [("non-declarative", "7:1", "creo:renamed-from")],
    ),
    ("enable_rls", {"a.sql": TABLES + "alter table public.orders enable row level security;"}, []),
    (
        "duplicate_table",
        {"a.sql": TABLES, "b.sql": "\n\ncreate table public.orders (id int);"},
        [("duplicate", "3:1", "public.orders is declared twice: here and at schema/a.sql:4:1")],
    ),
    (
        "duplicate_function_signature",
        {
            "a.sql": TABLES
            + "create function private.is_admin() returns boolean language sql as 'select false';"
        },
        [("duplicate", "7:1", "function private.is_admin() is declared twice")],
    ),
    (
        "overloads_are_not_duplicates",
        {
            "a.sql": "create function public.f(a int) returns int language sql as 'select 1';\n"
            "create function public.f(a text) returns int language sql as 'select 1';"
        },
        [],
    ),
    (
        "duplicate_policy",
        {
            "a.sql": TABLES
            + "create policy p on public.orders using (true);\ncreate policy p on public.orders using (false);"
        },
        [("duplicate", "8:1", 'policy "p" on public.orders')],
    ),
    (
        "misspelt_table",
        {"a.sql": TABLES + "create index on public.order (user_id);"},
        [("unresolved", "7:17", "did you mean public.orders?")],
    ),
    (
        "misspelt_fk_column",
        {
            "a.sql": TABLES
            + "create table public.x (id int primary key, o bigint references public.orders (idd));"
        },
        [("unresolved", "7:53", "did you mean id?")],
    ),
    (
        "fk_column_of_the_table_itself",
        {
            "a.sql": TABLES
            + "create table public.x (id int primary key, foreign key (uid) references public.users (id));"
        },
        [("unresolved", "7:44", "foreign key column uid is not a column of public.x")],
    ),
    (
        "misspelt_function",
        {"a.sql": TABLES + "create policy p on public.orders using ((select private.is_admn()));"},
        [("unresolved", "7:49", "did you mean private.is_admin()?")],
    ),
    (
        "misspelt_platform_function",
        {
            "a.sql": TABLES
            + "create policy p on public.orders using ((select auth.uidd()) = user_id);"
        },
        [("unresolved", "7:49", "did you mean auth.uid()?")],
    ),
    (
        "misspelt_type",
        {"a.sql": TABLES + "create table public.y (id int primary key, r public.user_rol);"},
        [("unresolved", "7:46", "did you mean public.user_role?")],
    ),
    (
        "misspelt_role",
        {"a.sql": TABLES + "grant select on public.orders to authenticted;"},
        [("unresolved", "7:34", "did you mean authenticated?")],
    ),
    (
        "misspelt_schema",
        {"a.sql": TABLES + "create policy p on public.orders using ((select privat.is_admin()));"},
        [("unresolved", "7:49", "did you mean private?")],
    ),
    (
        "unknown_schema_of_a_created_object",
        {"a.sql": "create table app.t (id int primary key);"},
        [("unresolved", "1:1", "schema app is not declared")],
    ),
    (
        "cte_names_are_not_tables",
        {
            "a.sql": TABLES + "create view public.v with (security_invoker = true) as\n"
            "  with recent as (select id from public.orders) select id from recent;"
        },
        [],
    ),
    (
        "unchecked_schemas_and_builtins",
        {
            "a.sql": TABLES
            + "create table public.z (id uuid primary key default extensions.uuid_generate_v4(),"
            " at timestamptz default now(), c pg_catalog.int4, s text);\n"
            "create view public.w with (security_invoker = true) as select * from pg_class;"
        },
        [],
    ),
    (
        "ranges_and_their_multiranges_are_types",
        {
            "a.sql": "create type public.floatrange as range (subtype = float8);\n"
            "create type public.span as range (subtype = date,"
            " multirange_type_name = public.spans);\n"
            "create table public.b (f public.floatrange, g public.floatmultirange,"
            " s public.span, m public.spans);"
        },
        [],
    ),
    (
        "statistics_targets_are_declared",
        {
            "a.sql": "create table public.a (x int, y int);\n"
            "create statistics public.a_xy on x, y from public.a;\n"
            "alter statistics public.a_xy set statistics 500;"
        },
        [],
    ),
    (
        "serial_sequences_exist",
        {
            "a.sql": "create table public.s (id serial primary key);\n"
            "grant usage on sequence public.s_id_seq to authenticated;"
        },
        [],
    ),
]


def _source(tmp_path: Path, files: dict[str, str]) -> SourceSet:
    sources = tuple(SourceFile(f"schema/{name}", sql) for name, sql in files.items())
    return SourceSet(str(tmp_path / "schema"), sources, tuple(parse_files(sources)))


@pytest.mark.parametrize(("files", "expected"), [pytest.param(f, e, id=i) for i, f, e in CASES])
def test_static_case(
    files: dict[str, str],
    expected: list[tuple[str, str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    findings = validate_source(_source(tmp_path, files))
    got = [
        (f.rule, f"{f.location.line}:{f.location.column}" if f.location else "-") for f in findings
    ]
    assert got == [(rule, at) for rule, at, _ in expected], "\n".join(f.text() for f in findings)
    for finding, (_, _, fragment) in zip(findings, expected, strict=True):
        assert finding.level == "error"
        assert fragment in f"{finding.message} {finding.hint}", finding.text()


def test_data_dir_is_judged_relative_to_the_schema_dir(tmp_path: Path) -> None:
    root = tmp_path / "data" / "schema"
    assert not in_data_dir(str(root / "tables" / "a.sql"), str(root))
    assert in_data_dir(str(root / "data" / "a.sql"), str(root))


def test_the_creo_schema_validates_clean() -> None:
    schema = ROOT / "schema"
    files = discover(schema, ROOT)
    source = SourceSet(str(schema), files, tuple(parse_files(files)))
    assert [f.text() for f in validate_source(source)] == []
