"""The snapshot's content is what each kind's query returns, row for row and value for value.

`snapshot` reads every kind in one statement, as JSON, and makes each object without calling
its class; here each query is also run on its own, its rows read the plain way and passed to
the class, and both must agree to the type of every value. The schema exercises what the
queries fold or look up: generated and plain defaults, expression keys, two grantors of one
grantee, array, row and domain types behind dependencies.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from creo_schema.catalog import KINDS, CatalogSnapshot, snapshot
from creo_schema.catalog.model import Column
from creo_schema.catalog.reader import _maker
from creo_schema.catalog.versioned import for_server
from creo_schema.db import connect
from creo_schema.diff.differ import KIND_LIST
from creo_schema.diff.objects import build_side
from creo_schema.shadow.cluster import Cluster
from creo_schema.shadow.tempdb import temporary_database

SCHEMA = """
create schema app;
create type app.mood as enum ('sad', 'happy');
create domain app.positive as integer not null default 1 check (value > 0);
create function app.ok(i int) returns boolean language sql immutable as $$ select i > 0 $$;
create domain app.checked as int check (app.ok(value));
create type app.pair as (a integer, b text collate "C", c app.mood[]);
create function app.next_code() returns text language sql as $$ select 'c' $$;
create sequence app.counter start 10 increment 5 cycle;
create table app.parent (
  id bigint generated always as identity primary key,
  code text not null unique default app.next_code(),
  mood app.mood default 'sad',
  moods app.mood[],
  size app.positive,
  pair app.pair,
  checked app.checked,
  dropme int,
  doubled integer generated always as (size * 2) stored
);
alter table app.parent drop column dropme;
create table app.child (
  id uuid primary key default gen_random_uuid(),
  parent_id bigint not null references app.parent (id) on delete cascade deferrable,
  parent app.parent,
  tags text[] collate "C",
  note text check (length(note) < 100),
  s serial,
  r int4range,
  exclude using gist (r with &&)
) with (fillfactor = 70);
alter table app.child add constraint nv check (s > 0) not valid;
create unique index child_expr on app.child (lower(note), id) include (s) where note is not null;
create index child_ok on app.child (app.ok(s));
create table app.meas (k int, at date) partition by range (at);
create table app.meas_2024 partition of app.meas for values from ('2024-01-01') to ('2025-01-01');
create view app.parent_view with (security_invoker = true) as select id, code, moods from app.parent;
create view app.child_view as select v.id from app.parent_view v join app.child c on c.parent_id = v.id;
create materialized view app.mv as select count(*) from app.child_view;
create function app.touch() returns trigger language plpgsql security definer
  set search_path = '' as $$ begin return new; end $$;
create function app.f(a int, inout b text default 'x', variadic c int[] default '{}')
  language sql immutable strict as $$ select b $$;
create function app.rows(p app.pair) returns setof app.parent language sql as
  $$ select * from app.parent $$;
create procedure app.p(x int) language sql as $$ select 1 $$;
create trigger child_touch before update on app.child for each row execute function app.touch();
alter table app.child enable row level security;
create policy child_read on app.child for select to public using (note is not null and app.ok(s));
create policy child_write on app.child as restrictive for insert to creo_content_a, creo_content_b
  with check (note <> 'x');
comment on table app.parent is 'parents';
comment on column app.parent.code is 'the code';
comment on policy child_read on app.child is 'pol';
comment on trigger child_touch on app.child is 'trg';
comment on function app.touch() is 'fn';
grant usage on schema app to creo_content_a;
grant select, insert on app.parent to creo_content_a with grant option;
set role creo_content_a;
grant select on app.parent to creo_content_b;
grant insert on app.parent to creo_content_b with grant option;
reset role;
grant select on app.parent to creo_content_b;
grant update (note) on app.child to creo_content_b, public;
revoke execute on function app.f(int, text, int[]) from public;
alter default privileges in schema app grant select on tables to creo_content_b;
create collation app.bytes (provider = libc, locale = 'C');
create type app.span as range (subtype = float8, subtype_diff = float8mi);
create rule child_log as on delete to app.child do also notify child_deleted;
create statistics app.child_stats (dependencies) on parent_id, s from app.child;
create function app.same(a app.pair, b app.pair) returns boolean language sql immutable
  as $$ select a = b $$;
create operator app.=== (function = app.same, leftarg = app.pair, rightarg = app.pair);
create function app.pair_text(app.pair) returns text language sql immutable as $$ select $1.b $$;
create cast (app.pair as text) with function app.pair_text(app.pair) as assignment;
comment on cast (app.pair as text) is 'the b';
create function app.log_ddl() returns event_trigger language plpgsql as $$ begin end $$;
create event trigger app_log_ddl on ddl_command_end when tag in ('CREATE TABLE', 'DROP TABLE')
  execute function app.log_ddl();
alter event trigger app_log_ddl enable always;
create publication app_rows for table app.parent (id, code) where (id > 0)
  with (publish = 'insert, update');
create publication app_all for tables in schema app;
create foreign data wrapper app_fdw options (debug 'on');
create server app_srv type 'pg' version '1' foreign data wrapper app_fdw
  options (host 'h', password 'never read');
create user mapping for public server app_srv options (user 'u', password 'never read');
create foreign table app.remote (x int options (column_name 'y')) server app_srv
  options (table_name 't');
comment on publication app_rows is 'rows';
grant usage on foreign server app_srv to creo_content_a;
create subscription app_feed connection 'host=/nonexistent/creo-schema-tests dbname=x'
  publication p_two, p_one with (connect = false, binary = true, synchronous_commit = 'local');
"""

ROLES = (
    "do $$ begin"
    " if not exists (select from pg_roles where rolname = 'creo_content_a') then"
    " create role creo_content_a; end if;"
    " if not exists (select from pg_roles where rolname = 'creo_content_b') then"
    " create role creo_content_b; end if; end $$"
)


@pytest.fixture
def loaded(server: Cluster) -> Iterator[str]:
    with temporary_database(server.uri()) as url:
        with connect(url, autocommit=True) as conn:
            conn.execute(ROLES)
            conn.execute(SCHEMA)
        yield url


def _plain(conn: Any, kind: str, schemas: tuple[str, ...]) -> tuple[Any, ...]:
    """The kind's query run on its own, each row passed to its class by field name."""
    text = resources.files("creo_schema.catalog").joinpath(f"sql/{kind}.sql").read_text("utf-8")
    body = for_server(text, conn.info.server_version // 10000).strip().rstrip(";")
    cls = KINDS[kind]
    tuples = {f.name for f in dataclasses.fields(cls) if "tuple" in str(f.type)}
    with conn.cursor() as cursor:
        cursor.execute("set search_path = ''")  # as the snapshot reads
        cursor.execute(
            "with target_ns as (select oid, nspname from pg_namespace"
            " where nspname = any(%(schemas)s::text[])),"
            " ext_members as (select classid, objid from pg_depend where deptype = 'e')"
            " select * from (" + body + ") k",
            {"schemas": list(schemas)},
        )
        names = [c.name for c in cursor.description]
        return tuple(
            cls(
                **{
                    n: (tuple(v) if v is not None else ()) if n in tuples else v
                    for n, v in zip(names, row, strict=True)
                }
            )
            for row in cursor.fetchall()
        )


def _typed(value: Any) -> Any:
    """A value with the type of each part spelled out (True and 1 compare equal otherwise)."""
    if isinstance(value, tuple):
        return tuple(_typed(v) for v in value)
    if dataclasses.is_dataclass(value):
        return (
            type(value),
            tuple((f.name, _typed(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    return (type(value), value)


@pytest.mark.parametrize("schemas", [("app",), ("app", "public", "pg_catalog")])
def test_each_kind_as_its_query_returns_it(loaded: str, schemas: tuple[str, ...]) -> None:
    with connect(loaded, autocommit=True) as conn:
        snap = snapshot(conn, schemas, kinds=tuple(KINDS))
        for kind in KINDS:
            got = getattr(snap, kind)
            assert got, kind
            assert _typed(got) == _typed(_plain(conn, kind, schemas)), kind


def test_what_the_queries_fold_and_look_up(loaded: str) -> None:
    with connect(loaded, autocommit=True) as conn:
        s: CatalogSnapshot = snapshot(conn, ("app",))
    columns = {c.key: c for c in s.columns}
    assert columns["app.parent.code"].default == "app.next_code()"
    assert columns["app.parent.doubled"].default == "((size)::integer * 2)"
    assert [c.position for c in s.columns_of("app", "parent")] == list(range(1, 9))
    excl = next(c for c in s.constraints if c.kind == "exclusion")
    assert excl.columns == ("r",)
    indexes = {i.name: i for i in s.indexes}
    assert indexes["child_expr"].key_columns == (None, "id")
    assert indexes["child_ok"].key_columns == (None,)
    fk = next(c for c in s.constraints if c.kind == "foreign key")
    assert (fk.columns, fk.ref_columns) == (("parent_id",), ("id",))
    grants = {(p.object, p.grantee): p.privileges for p in s.privileges}
    assert grants[("app.parent", "creo_content_b")] == ("insert*", "select", "select")
    assert grants[("app.child.note", "public")] == ("update",)
    # Dependencies, mapped onto the differ's ids (diff/objects.py).
    side = build_side(s, KIND_LIST)
    needs = side.needs
    assert "type:app.mood" in needs["column:app.parent.moods"]  # through app.mood[]
    assert "table:app.parent" in needs["column:app.child.parent"]  # a row type is its table
    assert "type:app.pair" in needs["column:app.parent.pair"]  # a composite type stays a type
    assert "function:app.ok(i integer)" in needs["domain_constraint:app.checked.checked_check"]
    assert "column:app.parent_view.id" in needs["view:app.child_view"]
    assert "function:app.ok(i integer)" in needs["index:app.child_ok"]
    assert "function:app.next_code()" in needs["default:app.parent.code"]
    assert "sequence:app.child_s_seq" in needs["default:app.child.s"]
    assert "column:app.child.s" in needs["sequence:app.child_s_seq"]  # OWNED BY
    assert {u.kind for u in s.unmodeled} == {"operator"}
    # A subscription, its options read alike on 15 and 18 (catalog/versioned.py), its
    # publications sorted; what CREATE did beyond the catalog, guessed as a rollback would.
    (feed,) = s.subscriptions
    assert (feed.name, feed.enabled, feed.publications, feed.slot_name) == (
        "app_feed",
        False,
        ("p_one", "p_two"),
        "app_feed",
    )
    assert (feed.binary, feed.synchronous_commit, feed.origin, feed.failover) == (
        True,
        "local",
        "any",
        False,
    )
    assert (feed.connect, feed.remote_slot, feed.copy_data) == (True, True, False)


def test_objects_are_made_as_their_class_makes_them() -> None:
    for cls in KINDS.values():
        fields = dataclasses.fields(cls)
        values: list[Any] = [
            ["x", None] if "tuple" in str(f.type) else (7 if "int" in str(f.type) else "v")
            for f in fields
        ]
        made = _maker(cls)(*values)
        expected = cls(
            *(
                tuple(v) if "tuple" in str(f.type) else v
                for f, v in zip(fields, values, strict=True)
            )
        )
        assert type(made) is cls
        assert _typed(made) == _typed(expected) and hash(made) == hash(expected)
        assert repr(made) == repr(expected)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, fields[0].name, "changed")
    nulls: list[Any] = [None] * len(dataclasses.fields(Column))
    # (a tuple field's null is made an empty tuple: a foreign table column's options, and
    # its attribute options)
    assert _maker(Column)(*nulls) == dataclasses.replace(Column(*nulls), fdw_options=(), options=())


def test_a_class_of_another_layout_is_called_instead() -> None:
    @dataclasses.dataclass(frozen=True)
    class Loose:
        name: str
        parts: tuple[str, ...]

    made = _maker(Loose)("a", ["b", "c"])
    assert type(made) is Loose and made == Loose("a", ("b", "c"))
    assert _maker(Loose)("a", None) == Loose("a", ())


def test_a_class_that_checks_its_fields_is_called_instead() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        name: str

        def __post_init__(self) -> None:
            if not self.name:
                raise ValueError("empty")

    assert _maker(Checked)("a") == Checked("a")
    with pytest.raises(ValueError):
        _maker(Checked)("")
