"""The first day on a real server (issue 22): any superuser name, appliers that are no
superuser, owners kept, every schema schema/ creates managed.

The hosted clusters (tests/hosted.py) are laid out like Supabase (PostgreSQL 18: `postgres`
applies, `supabase_admin` is the superuser) and like Amazon RDS (PostgreSQL 15: `master`
applies, `rdsadmin` is the superuser). Every test goes through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from creo_schema.plan.verify import METHOD, QUICK_METHOD
from tests.integration.cli import Project
from tests.integration.test_plain_postgres import _create_roles
from tests.integration.test_quick_paths import _drop_kept_desired_states

ROOT = Path(__file__).resolve().parents[2]
PLAIN = 'platform = "none"\n'


def _project(tmp_path: Path, url: str, config: str = PLAIN) -> Project:
    (tmp_path / "creo-schema.toml").write_text(config)
    return Project(tmp_path, url)


def _tables(project: Project) -> list[str]:
    """The project's tables, without the tool's history."""
    return [t for t in project.tables() if not t.startswith("creo_schema.")]


def _json(result: Any) -> dict[str, Any]:
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _cycle(project: Project) -> dict[str, Any]:
    """plan, apply, drift 0, a second plan empty; the plan's document."""
    allow = ("--allow-hazard", "weakens_security")
    planned = project.run("plan", "--format", "json", *allow)
    assert planned.exit_code == 0, planned.output
    document = _json(planned)
    assert document["verification"]["verified"], document["verification"]
    applied = project.run("apply", "--auto-approve", *allow)
    assert applied.exit_code == 0, applied.output
    drift = project.run("drift")
    assert drift.exit_code == 0, drift.output
    return document


# -- 1. every schema schema/ creates is managed --------------------------------------------


def test_a_schema_left_out_of_managed_schemas_is_managed_when_schema_creates_it(
    tmp_path: Path, make_db: Any
) -> None:
    project = _project(tmp_path, make_db(platform="none"))
    project.write("app.sql", "create schema app;\ncreate table app.t (id bigint primary key);\n")
    document = _cycle(project)
    assert "app" in document["managed_schemas"]
    assert _tables(project) == ["app.t"]


def test_a_schema_removed_from_schema_is_dropped_not_left_behind(
    tmp_path: Path, make_db: Any
) -> None:
    """Created by schema/, the schema was managed; once schema/ no longer creates it, the
    last migration's record keeps it managed, so its removal is planned."""
    project = _project(tmp_path, make_db(platform="none"))
    project.write("app.sql", "create schema app;\ncreate table app.t (id bigint primary key);\n")
    _cycle(project)
    project.write("app.sql", "create table public.kept (id bigint primary key);\n")
    planned = project.run("plan", "--allow-destructive")
    assert "drop schema app" in planned.output, planned.output
    applied = project.run("apply", "--auto-approve", "--allow-destructive")
    assert applied.exit_code == 0, applied.output
    assert _tables(project) == ["public.kept"]
    assert project.query("select count(*) from pg_namespace where nspname = 'app'") == [(0,)]


def test_a_declaration_in_a_schema_that_is_not_managed_is_bad_input(
    tmp_path: Path, make_db: Any
) -> None:
    url = make_db(platform="none")
    project = _project(tmp_path, url, PLAIN + 'managed_schemas = ["app"]\n')
    project.write("app.sql", "create schema app;\n\ncreate table public.t (id bigint);\n")
    for command in ("validate", "plan", "drift"):
        found = project.run(command)
        assert found.exit_code == 2, found.output
        assert "schema/app.sql:3:1" in found.output, found.output
        assert "not managed" in found.output and "managed_schemas" in found.output
    assert _tables(project) == []  # nothing touched


def test_a_target_that_lacks_every_managed_schema_is_copied_for_the_proof(
    tmp_path: Path, make_db: Any
) -> None:
    """pg_dump refuses --schema patterns that all match nothing: the copy has nothing to
    dump then, and the proof goes on."""
    project = _project(tmp_path, make_db(platform="none"), PLAIN + 'managed_schemas = ["app"]\n')
    project.write("app.sql", "create schema app;\ncreate table app.t (id bigint primary key);\n")
    assert project.run("plan").exit_code == 0  # the desired state is kept: the quick proof
    _drop_kept_desired_states()
    planned = project.run("plan", "--format", "json")
    assert planned.exit_code == 0, planned.output
    verification = _json(planned)["verification"]
    assert verification["verified"] and verification["method"] == METHOD, verification


def test_a_managed_schema_schema_never_creates_is_named_with_its_fix(
    tmp_path: Path, make_db: Any
) -> None:
    """Before: the shadow load failed on the first table in it, or pg_dump did, pointing
    elsewhere."""
    config = PLAIN + 'managed_schemas = ["public", "private"]\n'
    project = _project(tmp_path, make_db(platform="none"), config)
    project.write("private.sql", "create table private.secrets (id bigint primary key);\n")
    found = project.run("plan")
    assert found.exit_code == 2, found.output
    assert "schema/private.sql:1:1" in found.output
    assert "create schema private;" in found.output, found.output


# -- 2. any superuser name; 3. owners kept in the copy ---------------------------------------


def test_a_superuser_not_named_postgres_applies_and_rolls_back(
    tmp_path: Path, rds_like: Any
) -> None:
    _, superuser_url = rds_like.make_db(platform="none")  # rdsadmin, a superuser
    project = _project(tmp_path, superuser_url)
    project.write("notes.sql", "create table public.notes (id bigint primary key, body text);\n")
    _cycle(project)
    assert project.query("select tableowner from pg_tables where tablename = 'notes'") == [
        ("rdsadmin",)
    ]
    undone = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert undone.exit_code == 0, undone.output
    assert _tables(project) == []


def test_owners_survive_the_copy_of_the_target(tmp_path: Path, make_db: Any) -> None:
    url = make_db(platform="none")
    _create_roles(url, "issue22_owner", "issue22_reader")
    project = _project(tmp_path, url)
    owned = (
        "create table public.notes (id bigint primary key, body text);\n"
        "alter table public.notes owner to issue22_owner;\n"
        "grant select on public.notes to issue22_reader;\n"
    )
    project.write("notes.sql", owned)
    _cycle(project)
    # A later state, then back to the first (a branch switched back): the state was seen
    # before, and is proven on a copy of the target, which keeps its owner.
    project.write("notes.sql", owned + "create index notes_body on public.notes (body);\n")
    _cycle(project)
    project.write("notes.sql", owned)
    _drop_kept_desired_states()
    planned = project.run("plan", "--format", "json")
    assert planned.exit_code == 0, planned.output
    verification = _json(planned)["verification"]
    assert verification["verified"] and verification["method"] == METHOD, verification


# -- 4. appliers that are no superuser ------------------------------------------------------


def test_the_creo_schema_through_supabase_s_postgres_role(
    supabase_like: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    applier_url, _ = supabase_like.make_db()
    monkeypatch.chdir(ROOT)  # the repository's pyproject.toml: schemas public, private
    project = Project(ROOT, applier_url)
    assert project.query("select rolsuper from pg_roles where rolname = current_user") == [(False,)]
    planned = project.run("plan", "--format", "json")
    assert planned.exit_code == 0, planned.output
    assert _json(planned)["verification"]["method"] == QUICK_METHOD
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output
    assert project.run("drift").exit_code == 0
    undone = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert undone.exit_code == 0, undone.output
    assert "public.orders" not in _tables(project)


def test_the_master_user_of_an_rds_like_server_owns_plans_and_rolls_back(
    tmp_path: Path, rds_like: Any
) -> None:
    applier_url, admin_url = rds_like.make_db(platform="none")
    _create_roles(admin_url, "issue22_rds_reader")
    project = _project(tmp_path, applier_url)
    project.write(
        "app.sql",
        "create schema app;\n"
        "create table app.items (id bigint generated always as identity primary key,"
        " name text not null);\n"
        "create index items_name on app.items (name);\n"
        "create view app.item_names as select name from app.items;\n"
        "grant select on app.item_names to issue22_rds_reader;\n"
        "create function app.item_count() returns bigint language sql stable"
        " as $$ select count(*) from app.items $$;\n",
    )
    _cycle(project)
    assert project.query(
        "select schema_owner from information_schema.schemata where schema_name = 'app'"
    ) == [("master",)]
    undone = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert undone.exit_code == 0, undone.output
    assert _tables(project) == []
