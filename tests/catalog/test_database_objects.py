"""Database-level objects in the snapshot: what scope.py keeps, notes and blanks, secrets never
read, and the catalog signature moving with each of them (PostgreSQL 18 and 15)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from creo_schema.catalog import snapshot
from creo_schema.catalog.model import HIDDEN, REDACTED
from creo_schema.catalog.signature import catalog_signature
from creo_schema.db import connect
from creo_schema.platform import prelude_sql
from creo_schema.shadow.cluster import Cluster
from creo_schema.shadow.tempdb import ensure_template, temporary_database

OBJECTS = """
create schema audit;
create function public.log_ddl() returns event_trigger language plpgsql as $$ begin end $$;
create function audit.log_ddl() returns event_trigger language plpgsql as $$ begin end $$;
create function extensions.watch() returns event_trigger language plpgsql as $$ begin end $$;
create event trigger app_ddl on ddl_command_end execute function public.log_ddl();
create event trigger audit_ddl on ddl_command_end execute function audit.log_ddl();
create event trigger platform_ddl on ddl_command_end execute function extensions.watch();
alter event trigger platform_ddl owner to supabase_admin;

create table public.messages (id bigint primary key, body text);
create publication app_pub for table public.messages (id);
create publication users_pub for table auth.users;
alter publication supabase_realtime add table public.messages, auth.users;
comment on publication supabase_realtime is 'the platform''s';

create foreign data wrapper app_fdw;
create server app_srv foreign data wrapper app_fdw options (host 'h', password 's3cret-a');
create user mapping for public server app_srv options (user 'u', password 's3cret-b');
create server audit_srv foreign data wrapper app_fdw;
create foreign table audit.remote (x int) server audit_srv;
"""


@pytest.fixture
def database(server: Cluster) -> Iterator[str]:
    template = ensure_template(server.uri(), prelude_sql("supabase"))
    with temporary_database(server.uri(), template) as url:
        with connect(url, autocommit=True) as conn:
            conn.execute(OBJECTS)
        yield url


def test_what_is_kept_noted_and_left_out(database: str) -> None:
    with connect(database, autocommit=True) as conn:
        s = snapshot(conn, ("public",))
    assert [t.name for t in s.event_triggers] == ["app_ddl"]
    assert {(p.name, p.platform, p.owner) for p in s.publications} == {
        ("app_pub", False, "postgres"),
        ("supabase_realtime", True, ""),  # blanked: only its managed tables are ours
    }
    assert {(t.publication, t.table, t.columns) for t in s.publication_tables} == {
        ("app_pub", "messages", ("id",)),
        ("supabase_realtime", "messages", ()),
    }
    assert not [c for c in s.comments if c.object_type == "publication"]
    assert [p.name for p in s.platform_publications] == ["supabase_realtime"]
    # A server used by a foreign table outside the managed schemas is not ours, and so its
    # wrapper is not either.
    assert [w.name for w in s.foreign_data_wrappers] == []
    assert [v.name for v in s.foreign_servers] == []
    assert {(u.kind, u.name) for u in s.unmanaged} == {
        ("event trigger", "audit_ddl"),
        ("publication", "users_pub"),
        ("foreign data wrapper", "app_fdw"),
        ("server", "audit_srv"),
        ("server", "app_srv"),
        ("user mapping", "for public server app_srv"),
    }
    assert "platform_ddl" not in repr(s.unmanaged)


def test_secrets_are_never_read(database: str) -> None:
    with connect(database, autocommit=True) as conn:
        conn.execute("drop foreign table audit.remote")
        s = snapshot(conn, ("public",))
        (srv,) = [v for v in s.foreign_servers if v.name == "app_srv"]
        assert srv.options == ("host=h", f"password={REDACTED}")
        (mapping,) = s.user_mappings
        assert mapping.options == (f"password={REDACTED}", "user=u")
        assert "s3cret" not in repr(s)
        # A role that may not see the mapping's options reads them as hidden, not as none.
        conn.execute(
            "do $$ begin if not exists (select from pg_roles where rolname = 'creo_reader')"
            " then create role creo_reader; end if; end $$"
        )
        conn.execute("grant usage on foreign server app_srv to creo_reader")
        conn.execute("set role creo_reader")
        hidden = snapshot(conn, ("public",))
        conn.execute("reset role")
        conn.execute("revoke usage on foreign server app_srv from creo_reader")
    assert [m.options for m in hidden.user_mappings] == [(HIDDEN,)]


@pytest.mark.parametrize(
    "change",
    [
        "alter publication app_pub add table public.other",
        "alter publication app_pub set (publish = 'insert')",
        "alter event trigger app_ddl disable",
        "alter server app_srv options (set host 'elsewhere')",
        "alter user mapping for public server app_srv options (set user 'v')",
        "alter foreign table audit.remote options (add table_name 't')",
        "alter foreign data wrapper app_fdw options (add debug 'on')",
    ],
)
def test_the_signature_moves_with_each(database: str, change: str) -> None:
    with connect(database, autocommit=True) as conn:
        conn.execute("create table public.other (id int primary key)")
        before = catalog_signature(conn)
        conn.execute(change)  # type: ignore[arg-type]
        assert catalog_signature(conn) != before
