"""Plain PostgreSQL (`platform = "none"`) as a first-class target (issue 14, item 3).

A database with roles of its own (made by whoever runs it, never by schema/), a managed
schema named `auth` (reserved only on Supabase), grants, a policy, an owner and default
privileges naming those roles: plan, apply, drift and rollback through the command line, on
both major versions. A role nobody provides is bad input, located; a role only the
configuration lists is given to the shadow, and `apply` refuses the plan while the target
lacks it.

Roles belong to the cluster, which the tests share: the names carry this module's prefix,
and creating one that exists is tolerated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from psycopg import sql

from creo_schema.db import connect
from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project
from tests.integration.test_concurrent_shadows import fresh_cluster  # noqa: F401 (fixture)

OWNER, READER = "plainpg_app_owner", "plainpg_app_reader"
CONFIG = 'platform = "none"\nmanaged_schemas = ["public", "auth"]\n'

SCHEMA = f"""\
create schema auth;
create table auth.accounts (id bigint primary key, email text not null);

create table public.notes (
  id bigint primary key,
  account_id bigint not null references auth.accounts (id),
  body text
);
alter table public.notes owner to {OWNER};
alter table public.notes enable row level security;
grant select on public.notes to {READER};
create policy notes_read on public.notes for select to {READER} using (true);
alter default privileges for role {OWNER} in schema public grant select on tables to {READER};
"""


def _create_roles(url: str, *names: str) -> None:
    """Roles as the database's administrator makes them; another test may have made them."""
    with connect(url, autocommit=True) as conn:
        for name in names:
            conn.execute(
                sql.SQL(
                    "do $$ begin create role {} nologin; "
                    "exception when duplicate_object then null; end $$"
                ).format(sql.Identifier(name))
            )


def _project(tmp_path: Path, url: str, config: str = CONFIG) -> Project:
    (tmp_path / "creo-schema.toml").write_text(config)
    return Project(tmp_path, url)


def test_own_roles_and_a_schema_named_auth(server: Cluster, make_db, tmp_path: Path) -> None:
    url = make_db(platform="none", cluster=server)
    _create_roles(url, OWNER, READER)
    project = _project(tmp_path, url)
    project.write("app.sql", SCHEMA)

    planned = project.run("plan")
    assert planned.exit_code == 0, planned.output + planned.stderr
    for expected in (
        "create schema auth;",
        f"alter table public.notes owner to {OWNER};",
        f"grant select on table public.notes to {READER};",
        f"to {READER}",
        f"for role {OWNER} in schema public grant select on tables to {READER}",
    ):
        assert expected in planned.output, planned.output
    assert "warning" not in planned.output

    applied = project.run("apply", "--auto-approve")
    assert applied.exit_code == 0, applied.output + applied.stderr
    assert project.query(
        f"select c.relowner::regrole::text, has_table_privilege('{READER}', c.oid, 'select')"
        " from pg_class c where c.oid = 'public.notes'::regclass"
    ) == [(OWNER, True)]
    assert project.query("select count(*) from pg_policy where polname = 'notes_read'") == [(1,)]

    drift = project.run("drift")
    assert drift.exit_code == 0, drift.output + drift.stderr
    assert "In sync" in drift.output

    undone = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert undone.exit_code == 0, undone.output + undone.stderr
    assert project.query("select to_regnamespace('auth'), to_regclass('public.notes')") == [
        (None, None)
    ]
    assert project.query(
        f"select count(*) from pg_default_acl where defaclrole = '{OWNER}'::regrole"
    ) == [(0,)]


@pytest.mark.parametrize("server", ["pg18"], indirect=True)
def test_auth_is_still_the_platforms_on_supabase(server: Cluster, make_db, tmp_path: Path) -> None:
    project = _project(tmp_path, make_db(cluster=server), 'managed_schemas = ["public", "auth"]\n')
    project.write("app.sql", "create table public.t (id int primary key);\n")

    result = project.run("plan")

    assert result.exit_code == 2
    assert "auth belongs to the platform (supabase): it is never managed" in result.stderr
    assert 'with platform = "none"' in result.stderr


def test_a_role_nobody_provides_is_located(server: Cluster, make_db, tmp_path: Path) -> None:
    url = make_db(platform="none", cluster=server)
    _create_roles(url, OWNER, READER)
    project = _project(tmp_path, url)
    project.write("app.sql", SCHEMA)
    project.write("audit.sql", "grant select on auth.accounts to plainpg_nobody;\n")

    for command in ("validate", "plan", "apply"):
        args = (command, "--auto-approve") if command == "apply" else (command,)
        result = project.run(*args)
        output = result.stdout + result.stderr
        assert result.exit_code == 2, output
        assert "audit.sql:1:34:" in output, output
        assert (
            "role plainpg_nobody is not provided by the platform, not on the target, "
            "and not in `roles`"
        ) in output
    assert project.query("select to_regclass('public.notes')") == [(None,)]


def test_validate_without_a_target_uses_the_configuration(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from creo_schema.cli import cli

    config = tmp_path / "creo-schema.toml"
    config.write_text(CONFIG + f'roles = ["{OWNER}"]\n')
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "app.sql").write_text(SCHEMA)

    result = CliRunner().invoke(
        cli, ["--config", str(config), "--schema-dir", str(schema), "validate"]
    )

    assert result.exit_code == 2, result.output
    assert (
        f"app.sql:11:33: error unresolved: role {READER} is not provided by the platform, "
        "not in `roles`, and there is no target to look it up on"
    ) in result.output
    assert f"role {OWNER} is not" not in result.output  # configured: resolved


def test_a_configured_role_the_target_lacks(
    server: Cluster,
    make_db,
    fresh_cluster: Cluster,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    """The shadow is another server here: a role it is given must not reach the target."""
    ghost = "plainpg_ghost_reader"
    url = make_db(platform="none", cluster=server)
    with connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("drop role if exists {}").format(sql.Identifier(ghost)))
    config = CONFIG + f'roles = ["{ghost}"]\nshadow = "{fresh_cluster.uri()}"\n'
    project = _project(tmp_path, url, config)
    project.write(
        "app.sql",
        f"create table public.notes (id int primary key);\ngrant select on public.notes to {ghost};\n",
    )

    planned = project.run("plan")
    assert planned.exit_code == 0, planned.output + planned.stderr
    assert f"grant select on table public.notes to {ghost};" in planned.output
    assert f"warning: the target has no role {ghost}, which this plan names" in planned.output
    with connect(fresh_cluster.uri(), autocommit=True) as conn:
        made = conn.execute("select rolcanlogin from pg_roles where rolname = %s", (ghost,))
        assert made.fetchall() == [(False,)]  # given to the shadow, NOLOGIN

    applied = project.run("apply", "--auto-approve", "--format", "json")
    assert applied.exit_code == 4, applied.output + applied.stderr
    assert f"error: the target has no role {ghost}, which the plan names" in applied.stderr
    document = json.loads(applied.stdout)
    assert document["error"]["details"] == {"missing_roles": [ghost]}
    assert project.query("select to_regclass('public.notes')") == [(None,)]
    assert project.query(f"select count(*) from pg_roles where rolname = '{ghost}'") == [(0,)]

    # The desired state remembered with the role configured is not reused without it.
    (tmp_path / "creo-schema.toml").write_text(CONFIG + f'shadow = "{fresh_cluster.uri()}"\n')
    unconfigured = project.run("plan")
    assert unconfigured.exit_code == 2, unconfigured.output
    assert f"app.sql:2:33: unresolved: role {ghost} is not provided" in unconfigured.stderr


def test_a_publication_named_supabase_realtime_is_the_users(
    server: Cluster, make_db, tmp_path: Path
) -> None:
    """On plain PostgreSQL nothing is Supabase's: a publication of that name is created,
    changed and dropped like any other (on Supabase only its tables would be)."""
    url = make_db(platform="none", cluster=server)
    project = _project(tmp_path, url, 'platform = "none"\n')
    table = "create table public.events (id bigint primary key, kind text);\n"
    project.write(
        "app.sql", table + "create publication supabase_realtime for table public.events;\n"
    )

    applied = project.run("apply", "--auto-approve")
    assert applied.exit_code == 0, applied.output + applied.stderr
    assert "create publication supabase_realtime" in applied.output
    assert project.query(
        "select pubinsert, pubdelete from pg_publication where pubname = 'supabase_realtime'"
    ) == [(True, True)]

    project.write(
        "app.sql",
        table + "create publication supabase_realtime for table public.events "
        "with (publish = 'insert');\n",
    )
    changed = project.run("apply", "--auto-approve", "--allow-hazard", "stops_replication")
    assert changed.exit_code == 0, changed.output + changed.stderr
    assert project.query(
        "select pubinsert, pubdelete from pg_publication where pubname = 'supabase_realtime'"
    ) == [(True, False)]

    project.write("app.sql", table)
    dropped = project.run("apply", "--auto-approve", "--allow-hazard", "stops_replication")
    assert dropped.exit_code == 0, dropped.output + dropped.stderr
    assert project.query("select count(*) from pg_publication") == [(0,)]
    drift = project.run("drift")
    assert drift.exit_code == 0, drift.output + drift.stderr
