"""`-- creo:renamed-from`: a rename keeps the rows that a drop and add would lose."""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

BEFORE = """
create table public.customers (id bigint primary key, full_name text not null, email text);
comment on table public.customers is 'people who buy';
create index customers_email on public.customers (email);
grant select on public.customers to authenticated;
"""

AFTER = """
-- creo:renamed-from customers
create table public.clients (
  id bigint primary key,
  display_name text not null, -- creo:renamed-from full_name
  email text,
  created_at timestamptz not null default now()
);
comment on table public.clients is 'people who buy';
create index customers_email on public.clients (email);
grant select on public.clients to authenticated;
"""


@pytest.fixture
def project(tmp_path: Path, make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, make_db(cluster=server))


def test_table_and_column_renames_keep_the_rows(project: Project) -> None:
    project.write("customers.sql", BEFORE)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("insert into public.customers values (1, 'Ada', 'ada@example.com')")

    project.write("customers.sql", AFTER)
    planned = project.run("plan")
    assert planned.exit_code == 0, planned.output  # no data loss: nothing to allow
    assert "alter table public.customers rename to clients" in planned.stdout
    assert "rename column full_name to display_name" in planned.stdout
    assert "drop table" not in planned.stdout.split("-- rollback")[0]
    assert "Verified" in planned.stdout

    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    assert project.query("select id, display_name, email from public.clients") == [
        (1, "Ada", "ada@example.com")
    ]
    assert project.run("drift").exit_code == 0

    # the hints stay in schema/ after the rename: they apply only while the old name exists
    assert project.run("plan", "--detailed-exitcode").exit_code == 0

    rolled = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert rolled.exit_code == 0, rolled.output
    assert project.query("select id, full_name from public.customers") == [(1, "Ada")]


def test_a_rename_beside_an_extension_in_a_managed_schema_of_its_own(
    project: Project,
) -> None:
    """A rename is planned from a copy of the target (pg_dump), which gets the extensions
    first (its tables use their types); one in a managed schema needs that schema before
    the dump creates it (it was exit 3: schema "ext" does not exist)."""
    (project.root / "creo-schema.toml").write_text('managed_schemas = ["public", "ext"]\n')
    before = (
        "create schema ext;\n"
        "create extension citext with schema ext;\n"
        "create table public.customers (id bigint primary key, email ext.citext);\n"
    )
    project.write("customers.sql", before)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0

    project.write(
        "customers.sql",
        before.replace(
            "create table public.customers",
            "-- creo:renamed-from customers\ncreate table public.clients",
        ),
    )
    planned = project.run("plan")
    assert planned.exit_code == 0, planned.output
    assert "alter table public.customers rename to clients" in planned.stdout
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    assert project.run("drift").exit_code == 0
