"""Event triggers, publications and foreign data through the command line (issue 14).

Each test failed on the code before this work: the catalog read failed on a wrapper with no
handler (exit 3); dropping a column listed in a publication, and replacing the function an
event trigger calls, failed at apply after the proof had passed (exit 3); the platform's
publication could not be given a table (exit 2); a user mapping's password was not refused;
objects of these kinds that no plan manages were not named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import Project


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, fresh_db)


WRAPPER = (
    "create foreign data wrapper ledger_fdw;\n"
    "create server ledger foreign data wrapper ledger_fdw;\n"
    "create foreign table public.entries (id bigint, amount numeric) server ledger;\n"
)


def test_a_foreign_table_on_a_wrapper_without_a_handler_is_read(project: Project) -> None:
    project.execute(WRAPPER)
    project.write("ledger.sql", WRAPPER)
    result = project.run("plan")
    assert result.exit_code == 0, result.output
    assert "No changes" in result.output


ORDERS = "create table public.orders (id bigint primary key, customer text, note text);\n"


def test_dropping_a_column_a_publication_lists_applies(project: Project) -> None:
    project.execute(ORDERS + "create publication shop for table public.orders (id, note);")
    project.write(
        "orders.sql",
        "create table public.orders (id bigint primary key, customer text);\n"
        "create publication shop for table public.orders (id);\n",
    )
    result = project.run("apply", "--auto-approve", "--allow-destructive", "--no-backup")
    assert result.exit_code == 0, result.output
    assert project.query("select attnames from pg_publication_tables where pubname = 'shop'") == [
        (["id"],)
    ]


LOG_DDL = (
    "create function public.log_ddl() returns event_trigger language plpgsql\n"
    "as $$ begin raise notice 'ddl'; end $$;\n"
)


def test_the_function_of_an_event_trigger_is_replaced(project: Project) -> None:
    project.execute(
        LOG_DDL
        + "create event trigger log_ddl on ddl_command_end execute function public.log_ddl();"
    )
    project.write(
        "ddl.sql",
        "create function public.audit_ddl() returns event_trigger language plpgsql\n"
        "as $$ begin raise notice 'audit'; end $$;\n"
        "create event trigger log_ddl on ddl_command_end execute function public.audit_ddl();\n",
    )
    result = project.run("apply", "--auto-approve", "--no-backup")
    assert result.exit_code == 0, result.output
    assert project.query(
        "select e.evtname, p.proname from pg_event_trigger e join pg_proc p on p.oid = e.evtfoid"
    ) == [("log_ddl", "audit_ddl")]
    assert project.query("select count(*) from pg_proc where proname = 'log_ddl'") == [(0,)]


def test_the_platform_publication_gets_and_loses_the_app_table(project: Project) -> None:
    messages = "create table public.messages (id bigint primary key, body text);\n"
    project.write(
        "messages.sql",
        messages + "alter publication supabase_realtime add table public.messages;\n",
    )
    added = project.run("apply", "--auto-approve", "--no-backup")
    assert added.exit_code == 0, added.output
    published = "select tablename from pg_publication_tables where pubname = 'supabase_realtime'"
    assert project.query(published) == [("messages",)]

    project.write("messages.sql", messages)
    refused = project.run("plan")
    assert refused.exit_code == 4, refused.output
    assert "stops_replication" in refused.output
    assert "--allow-hazard stops_replication" in refused.output
    allowed = project.run(
        "apply", "--auto-approve", "--no-backup", "--allow-hazard", "stops_replication"
    )
    assert allowed.exit_code == 0, allowed.output
    assert project.query(published) == []
    # Only the app's table left it: the platform's publication stays.
    assert project.query(
        "select pubname from pg_publication where pubname = 'supabase_realtime'"
    ) == [("supabase_realtime",)]


def test_the_platform_publication_is_never_created(project: Project) -> None:
    project.execute("drop publication supabase_realtime")
    project.write(
        "messages.sql",
        "create table public.messages (id bigint primary key);\n"
        "alter publication supabase_realtime add table public.messages;\n",
    )
    result = project.run("plan")
    assert result.exit_code == 4, result.output
    assert "publication supabase_realtime is the platform's and the target has none" in (
        result.output
    )


def test_a_user_mapping_password_is_refused_and_never_shown(project: Project) -> None:
    project.write(
        "ledger.sql",
        "create foreign data wrapper ledger_fdw;\n"
        "create server ledger foreign data wrapper ledger_fdw;\n"
        "create user mapping for postgres server ledger "
        "options (user 'reporting', password 'hunter2');\n",
    )
    result = project.run("plan", "--format", "json")
    assert result.exit_code == 4, result.output
    assert "user mapping for postgres server ledger has the secret option password" in (
        result.output
    )
    assert "hunter2" not in result.output


def test_objects_no_plan_manages_are_named(project: Project) -> None:
    project.execute(
        "create schema audit;\n"
        "create function audit.log_ddl() returns event_trigger language plpgsql\n"
        "as $$ begin raise notice 'ddl'; end $$;\n"
        "create event trigger audit_ddl on ddl_command_end execute function audit.log_ddl();\n"
        "create publication auth_users for table auth.users;\n"
        # the platform's own: left alone and not named
        "create function extensions.pgrst_watch() returns event_trigger language plpgsql\n"
        "as $$ begin notify pgrst, 'reload schema'; end $$;\n"
        "create event trigger pgrst_watch on ddl_command_end "
        "execute function extensions.pgrst_watch();\n"
        "alter event trigger pgrst_watch owner to supabase_admin;\n"
    )
    project.write("notes.sql", "create table public.notes (id bigint primary key);\n")
    planned = project.run("plan", "--format", "json")
    assert planned.exit_code == 0, planned.output
    warnings = json.loads(planned.stdout)["warnings"]
    assert warnings == [
        "event trigger audit_ddl on the target is not managed (its function audit.log_ddl is "
        "outside the managed schemas): left as it is",
        "publication auth_users on the target is not managed (it publishes auth.users, outside "
        "the managed schemas): left as it is",
    ]
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output
    assert project.query("select evtname from pg_event_trigger order by 1") == [
        ("audit_ddl",),
        ("pgrst_watch",),
    ]
    again = project.run("plan")
    assert again.exit_code == 0, again.output
    assert "No changes" in again.output
    assert "warning: event trigger audit_ddl on the target is not managed" in again.output


def test_a_renamed_table_keeps_its_publication_and_foreign_table(project: Project) -> None:
    """A rename is planned from a copy of the target, which pg_dump --schema makes without
    publications or servers: they are copied too, or the plan would create them again."""
    project.execute(
        WRAPPER + "create table public.notes (id bigint primary key);\n"
        "create publication notes_pub for table public.notes;\n"
    )
    project.write(
        "notes.sql",
        WRAPPER + "-- creo:renamed-from notes\n"
        "create table public.journal (id bigint primary key);\n"
        "create publication notes_pub for table public.journal;\n",
    )
    result = project.run("apply", "--auto-approve", "--no-backup")
    assert result.exit_code == 0, result.output
    assert project.query(
        "select tablename from pg_publication_tables where pubname = 'notes_pub'"
    ) == [("journal",)]
