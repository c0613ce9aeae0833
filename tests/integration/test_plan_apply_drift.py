"""The walking skeleton end to end: plan, apply, drift, change, rollback — on PG 18 and 15."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

PROFILES = """
create table public.user_profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  credits integer not null default 0 check (credits >= 0),
  full_name text
);
alter table public.user_profiles enable row level security;
create policy "profiles: owner reads" on public.user_profiles
  for select to authenticated using ((select auth.uid()) = id);
grant select on public.user_profiles to authenticated;
"""

CREDITS_FUNCTION = """
create function public.get_user_credits(user_uuid uuid) returns integer
language sql stable security definer set search_path = ''
as $$ select credits from public.user_profiles where id = user_uuid $$;
"""


@pytest.fixture
def project(tmp_path: Path, make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, make_db(cluster=server))


def test_plan_apply_drift_change_and_rollback(project: Project) -> None:
    project.write("tables/user_profiles.sql", PROFILES)
    project.write("functions/credits.sql", CREDITS_FUNCTION)

    planned = project.run("plan", "--detailed-exitcode")
    assert planned.exit_code == 1, planned.output
    assert "create table public.user_profiles" in planned.stdout
    assert "-- rollback" in planned.stdout
    assert project.tables() == []  # plan never writes the target

    applied = project.run("apply", "--auto-approve")
    assert applied.exit_code == 0, applied.output
    assert project.tables() == ["creo_schema.migrations", "public.user_profiles"]
    assert project.run("drift").exit_code == 0

    project.write("tables/user_profiles.sql", PROFILES.replace("credits integer", "credits bigint"))
    drifted = project.run("drift")
    assert drifted.exit_code == 1
    assert "alter column credits type bigint" in drifted.stdout

    plan_file = project.root / "plan.json"
    replanned = project.run(
        "plan", "--out", str(plan_file), "--rollback-out", str(project.root / "down.sql")
    )
    assert replanned.exit_code == 0
    assert "alter column credits type integer" in (project.root / "down.sql").read_text()
    assert project.run("apply", str(plan_file), "--auto-approve").exit_code == 0
    assert project.query(
        "select data_type from information_schema.columns where column_name = 'credits'"
    ) == [("bigint",)]
    assert project.run("drift").exit_code == 0

    refused = project.run("rollback", "--auto-approve")
    assert refused.exit_code == 4  # bigint -> integer may lose values: not without consent
    assert "deletes_data" in refused.stderr and "--allow-destructive" in refused.stderr
    assert project.query(
        "select data_type from information_schema.columns where column_name = 'credits'"
    ) == [("bigint",)]
    rolled = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert rolled.exit_code == 0, rolled.output
    assert project.query(
        "select data_type from information_schema.columns where column_name = 'credits'"
    ) == [("integer",)]
    history = project.query(
        "select id, kind, status, rolls_back from creo_schema.migrations order by id"
    )
    assert history == [
        (1, "apply", "applied", None),
        (2, "apply", "rolled_back", None),
        (3, "rollback", "applied", 2),
    ]
    listed = json.loads(project.run("history", "--format", "json").stdout)
    assert [m["status"] for m in listed["migrations"]] == ["applied", "rolled_back", "applied"]


def test_rollback_of_new_table_applies(project: Project) -> None:
    """results revokes grants after dropping their table; the fix drops those revokes."""
    project.write("t.sql", PROFILES)
    assert project.run("apply", "--auto-approve").exit_code == 0
    assert project.run("rollback", "--auto-approve", "--allow-destructive").exit_code == 0
    assert project.tables() == ["creo_schema.migrations"]


def test_plan_json_is_a_versioned_document_without_password(project: Project) -> None:
    project.write("t.sql", PROFILES)
    result = project.run("plan", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["format"] == "creo-schema/plan"
    assert document["format_version"] == 1
    assert document["has_changes"] is True
    assert document["server_major"] in (15, 18)
    assert any("user_profiles" in s["sql"] for s in document["statements"])
    # shadow and load are skipped when the desired state is cached from an earlier test
    assert {"parse", "inspect", "diff", "verify"} <= set(document["timings_s"])
    assert document["verification"]["verified"] is True


def test_no_changes_plan_and_apply(project: Project) -> None:
    project.write("t.sql", PROFILES)
    assert project.run("apply", "--auto-approve").exit_code == 0
    again = project.run("plan", "--detailed-exitcode")
    assert again.exit_code == 0
    assert "No changes" in again.stdout
    assert project.run("apply", "--auto-approve").exit_code == 0
    assert project.query("select count(*) from creo_schema.migrations") == [(1,)]


def test_drift_for_ci_as_github_annotations_markdown_and_json(project: Project) -> None:
    project.write("tables/user_profiles.sql", PROFILES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    for output in ("github", "markdown", "json"):
        in_sync = project.run("drift", "--format", output)
        assert in_sync.exit_code == 0, in_sync.output
    project.execute("alter table public.user_profiles drop column full_name")

    github = project.run("drift", "--format", "github")
    assert github.exit_code == 1
    annotations = [line for line in github.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("file=schema/tables/user_profiles.sql" in a for a in annotations)

    markdown = project.run("drift", "--format", "markdown")
    assert markdown.exit_code == 1
    assert (
        "user_profiles" in markdown.stdout and "schema/tables/user_profiles.sql" in markdown.stdout
    )

    document = json.loads(project.run("drift", "--format", "json").stdout)
    assert document["drift"] is True
    assert any(
        item.get("file") == "schema/tables/user_profiles.sql" or "user_profiles" in json.dumps(item)
        for item in document["drifted"]
    )
