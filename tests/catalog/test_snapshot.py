"""The catalog snapshot on real servers: every kind is read, and compare() names differences."""

from __future__ import annotations

import pytest

from creo_schema.catalog import CatalogSnapshot, compare, snapshot
from creo_schema.db import connect
from creo_schema.diff.differ import KIND_LIST
from creo_schema.diff.objects import build_side
from creo_schema.shadow.tempdb import temporary_database

SCHEMA = """
create schema app;
create type app.mood as enum ('sad', 'happy');
alter type app.mood add value 'ok' before 'happy';
create domain app.positive as integer not null check (value > 0);
create type app.pair as (a integer, b text);
create sequence app.counter start 10 increment 5;
create table app.parent (
  id bigint generated always as identity primary key,
  code text not null unique,
  mood app.mood default 'sad',
  size app.positive,
  doubled integer generated always as (size * 2) stored
);
create table app.child (
  id uuid primary key default gen_random_uuid(),
  parent_id bigint not null references app.parent (id) on delete cascade,
  tags text[] collate "C",
  note text check (length(note) < 100)
);
create index child_note_idx on app.child (note) where note is not null;
create view app.parent_view with (security_invoker = true) as select id, code from app.parent;
create function app.touch() returns trigger language plpgsql security definer
  set search_path = '' as $$ begin return new; end $$;
create trigger child_touch before update on app.child for each row execute function app.touch();
alter table app.child enable row level security;
alter table app.child force row level security;
create policy child_read on app.child for select to public using (note is not null);
comment on table app.parent is 'parents';
comment on column app.parent.code is 'the code';
create role creo_catalog_reader;
grant select on app.parent to creo_catalog_reader;
grant update (note) on app.child to creo_catalog_reader;
alter default privileges in schema app grant select on tables to creo_catalog_reader;
"""


def _snap(url: str) -> CatalogSnapshot:
    with connect(url, autocommit=True) as conn:
        return snapshot(conn, ("app",))


def _load(url: str, sql: str = SCHEMA) -> None:
    with connect(url, autocommit=True) as conn:
        conn.execute(
            "do $$ begin if not exists (select from pg_roles where rolname = "
            "'creo_catalog_reader') then create role creo_catalog_reader; end if; end $$"
        )
        conn.execute(sql.replace("create role creo_catalog_reader;", ""))


@pytest.fixture
def loaded(server) -> str:  # type: ignore[no-untyped-def]
    with temporary_database(server.uri()) as url:
        _load(url)
        yield url


def test_every_kind_is_read(loaded: str) -> None:
    s = _snap(loaded)
    assert s.server_version >= 150000
    assert [e.labels for e in s.enums] == [("sad", "ok", "happy")]
    (domain,) = s.domains
    assert domain.not_null and domain.base_type == "integer"
    assert domain.constraint_names == ("positive_check",)
    assert domain.constraints[0].startswith("CHECK")
    (pair,) = s.composite_types
    assert pair.attribute_names == ("a", "b") and pair.attribute_types == ("integer", "text")
    assert {q.name: (q.start, q.increment, q.owned_by) for q in s.sequences} == {
        "counter": (10, 5, None),
        "parent_id_seq": (1, 1, "app.parent.id"),  # an identity column's
    }
    child = s.relation("app", "child")
    assert child and child.rls_enabled and child.rls_forced and child.kind == "table"
    cols = {c.name: c for c in s.columns_of("app", "parent")}
    assert list(cols) == ["id", "code", "mood", "size", "doubled"]
    assert cols["id"].identity == "a" and cols["id"].not_null
    assert cols["doubled"].generated == "s" and "* 2" in (cols["doubled"].default or "")
    assert cols["mood"].default == "'sad'::app.mood" and cols["mood"].type == "app.mood"
    assert {c.name: c.collation for c in s.columns_of("app", "child")}["tags"] == 'pg_catalog."C"'
    fk = next(c for c in s.constraints if c.kind == "foreign key")
    assert (fk.table, fk.columns, fk.ref_table, fk.ref_columns) == (
        "child",
        ("parent_id",),
        "parent",
        ("id",),
    )
    assert "ON DELETE CASCADE" in fk.definition
    kinds = {c.kind for c in s.constraints}
    assert kinds == {"primary key", "unique", "foreign key", "check"}
    partial = next(i for i in s.indexes if i.name == "child_note_idx")
    assert partial.predicate == "(note IS NOT NULL)" and partial.key_columns == ("note",)
    pkey = next(i for i in s.indexes if i.name == "parent_pkey")
    assert pkey.primary and pkey.constraint == "parent_pkey"
    (view,) = s.views
    assert view.security_invoker and "FROM app.parent" in view.definition
    (fn,) = s.functions
    assert fn.security_definer and fn.search_path == '""' and fn.result == "trigger"
    assert fn.definition and "RETURN new" in fn.definition.upper().replace(
        "RETURN NEW", "RETURN new"
    )
    (trigger,) = s.triggers
    assert trigger.function == "app.touch" and trigger.enabled == "O"
    (policy,) = s.policies
    assert (policy.command, policy.roles, policy.using) == (
        "select",
        ("public",),
        "(note IS NOT NULL)",
    )
    assert {(c.object_type, c.object) for c in s.comments} == {
        ("table", "app.parent"),
        ("table column", "app.parent.code"),
    }
    grants = {(p.object, p.grantee): p.privileges for p in s.privileges}
    assert grants[("app.parent", "creo_catalog_reader")] == ("select",)
    assert grants[("app.child.note", "creo_catalog_reader")] == ("update",)
    assert grants[("app.touch()", "public")] == ("execute",)
    (default,) = s.default_privileges
    assert (default.schema, default.object_type, default.privileges) == (
        "app",
        "tables",
        ("select",),
    )
    needs = build_side(s, KIND_LIST).needs  # pg_depend, on the differ's ids
    assert "column:app.parent.id" in needs["view:app.parent_view"]
    assert "function:app.touch()" in needs["trigger:app.child.child_touch"]
    assert "column:app.parent.id" in needs["constraint:app.child.child_parent_id_fkey"]
    assert "type:app.mood" in needs["column:app.parent.mood"]
    assert s.type_refs == ()  # only read when asked


def test_other_schemas_are_left_out(loaded: str) -> None:
    with connect(loaded, autocommit=True) as conn:
        conn.execute("create table public.elsewhere (id int)")
        s = snapshot(conn, ("app",))
        assert all(r.schema == "app" for r in s.relations)
        assert snapshot(conn, ("public",)).relation("public", "elsewhere") is not None


def test_type_refs_on_request(loaded: str) -> None:
    with connect(loaded, autocommit=True) as conn:
        s = snapshot(conn, ("app",), kinds=("columns", "type_refs"))
    refs = {t.oid: t for t in s.type_refs}
    tags = next(c for c in s.columns if c.name == "tags")
    assert refs[tags.type_oid].category == "A"
    assert refs[refs[tags.type_oid].element_oid].name == "text"
    assert s.relations == ()


def test_a_non_autocommit_connection_is_left_idle(loaded: str) -> None:
    with connect(loaded) as conn:
        snapshot(conn, ("app",))
        assert conn.info.transaction_status.name == "IDLE"


def test_same_ddl_compares_equal_and_changes_are_named(pg18) -> None:  # type: ignore[no-untyped-def]
    with temporary_database(pg18.uri()) as loaded, temporary_database(pg18.uri()) as other:
        _load(loaded)
        _load(other)
        assert compare(_snap(loaded), _snap(other)) == []
        with connect(other, autocommit=True) as conn:
            conn.execute(
                """
                alter table app.child add column extra int;
                alter table app.child no force row level security;
                alter type app.mood add value 'ecstatic';
                create or replace view app.parent_view with (security_invoker = false)
                  as select id, code from app.parent;
                alter policy child_read on app.child to creo_catalog_reader;
                revoke select on app.parent from creo_catalog_reader;
                comment on table app.parent is 'the parents';
                drop index app.child_note_idx;
                """
            )
        before, after = _snap(loaded), _snap(other)
    found = compare(before, after)
    assert "column app.child.extra: only in the second" in found
    assert "relation app.child: rls_forced True -> False" in found
    assert (
        "enum app.mood: labels ('sad', 'ok', 'happy') -> ('sad', 'ok', 'happy', 'ecstatic')"
        in found
    )
    assert (
        "view app.parent_view: options ('security_invoker=true',) -> ('security_invoker=false',)"
        in found
    )
    assert "policy app.child.child_read: roles ('public',) -> ('creo_catalog_reader',)" in found
    assert "privileges on table app.parent to creo_catalog_reader: only in the first" in found
    assert "comment on table app.parent: text 'parents' -> 'the parents'" in found
    assert "index app.child_note_idx: only in the first" in found
    assert (
        compare(
            before,
            after,
            ignore=(
                "columns",
                "relations",
                "enums",
                "views",
                "policies",
                "privileges",
                "comments",
                "indexes",
                "dependencies",
            ),
        )
        == []
    )
