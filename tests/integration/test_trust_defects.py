"""Trust defects a new user met (issue 12), each through the command line.

Each test failed on the code before its fix: a rename hint lost to the desired-state cache
(the column's rows were dropped), two JSON documents from one refused plan, and a
creo-schema.toml silently winning over pyproject.toml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli
from tests.integration.cli import Project

BEFORE = "create table public.items (id bigint primary key, category text);\n"
RENAMED = "create table public.items (id bigint primary key, kind text);\n"
HINTED = (
    "create table public.items (\n"
    "  id bigint primary key,\n"
    "  kind text -- creo:renamed-from category\n"
    ");\n"
)


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, fresh_db)


def test_adding_and_removing_a_rename_hint_each_flip_the_next_plan(project: Project) -> None:
    project.write("items.sql", BEFORE)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("insert into public.items values (1, 'photo')")

    project.write("items.sql", RENAMED)
    unhinted = project.run("plan")
    assert unhinted.exit_code == 4, unhinted.output  # drop + add: refused as destructive
    assert "deletes_data" in unhinted.output

    # The hint is a comment: the parse tree is the same, the caches are warm.
    project.write("items.sql", HINTED)
    hinted = project.run("plan")
    assert hinted.exit_code == 0, hinted.output
    assert "rename column category to kind" in hinted.stdout

    project.write("items.sql", RENAMED)
    again = project.run("plan")
    assert again.exit_code == 4, again.output
    assert "rename column" not in again.stdout

    project.write("items.sql", HINTED)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    assert project.query("select id, kind from public.items") == [(1, "photo")]


def test_a_refused_plan_writes_one_json_document_with_the_error_inside(
    project: Project,
) -> None:
    project.write("items.sql", BEFORE)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write("items.sql", "create table public.other (id bigint primary key);\n")
    refused = project.run("--format", "json", "plan")
    assert refused.exit_code == 4
    document = json.loads(refused.stdout)  # one document: `Extra data` before the fix
    assert document["format"] == "creo-schema/plan"
    assert document["exit_code"] == 4
    assert document["error"]["kind"] == "safety"
    assert "deletes_data" in document["error"]["message"]
    assert document["statements"], "the refused plan is still shown"

    # after the command too (`plan --format json`)
    again = project.run("plan", "--format", "json")
    assert again.exit_code == 4
    assert json.loads(again.stdout)["error"]["kind"] == "safety"


def test_two_configuration_files_are_an_error_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.creo-schema]\nplatform = "none"\n'
    )
    (tmp_path / "creo-schema.toml").write_text('platform = "supabase"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"], catch_exceptions=False)
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert "creo-schema.toml" in first and "pyproject.toml" in first
    assert len(result.stderr.splitlines()) <= 2  # one line, and a hint


def test_a_pyproject_without_our_table_beside_creo_schema_toml_is_fine(tmp_path: Path) -> None:
    from creo_schema.config import find_config_file

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n# creo-schema one day\n')
    (tmp_path / "creo-schema.toml").write_text('platform = "none"\n')
    assert find_config_file(tmp_path) == tmp_path / "creo-schema.toml"


def test_a_not_null_column_without_default_is_refused_on_a_table_with_rows(
    project: Project,
) -> None:
    project.write("items.sql", BEFORE)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("insert into public.items values (1, 'a'), (2, 'b'), (3, 'c')")
    project.write(
        "items.sql",
        "create table public.items (id bigint primary key, category text, kind text not null);\n",
    )
    refused = project.run("plan")
    assert refused.exit_code == 4, refused.output
    assert "3 rows of public.items would have no value in the new NOT NULL column kind" in (
        refused.stderr
    )


def test_rows_written_after_the_plan_are_checked_again_at_apply(project: Project) -> None:
    project.write("items.sql", BEFORE)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write(
        "items.sql", "create table public.items (id bigint primary key, category text not null);\n"
    )
    plan_file = project.root / "plan.json"
    assert project.run("plan", "--out", str(plan_file)).exit_code == 0  # no rows yet
    project.execute("insert into public.items values (1, null)")
    refused = project.run("apply", str(plan_file), "--auto-approve", "--no-backup")
    assert refused.exit_code == 4, refused.output
    assert "1 row of public.items has NULL in category" in refused.stderr
    assert project.query(
        "select is_nullable from information_schema.columns where table_name = 'items' "
        "and column_name = 'category'"
    ) == [("YES",)]  # untouched


def test_a_rollback_the_rows_would_break_is_refused_whole_before_it_runs(
    project: Project,
) -> None:
    project.write(
        "items.sql",
        "create type public.status as enum ('draft', 'live');\n"
        "create table public.items (id bigint primary key, status public.status);\n",
    )
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write(
        "items.sql",
        "create type public.status as enum ('draft', 'live');\n"
        "create table public.items (id bigint primary key, status text);\n",
    )
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("insert into public.items values (1, 'archived-by-the-support-team')")
    rolled = project.run("rollback", "--auto-approve", "--no-backup")
    assert rolled.exit_code == 4, rolled.output
    line = rolled.stderr.splitlines()[0]
    assert (
        "1 row of public.items has a value in status that is not a label of public.status" in line
    )
    assert project.query("select status from public.items") == [("archived-by-the-support-team",)]


def test_tightening_a_policy_is_altered_in_place_and_weakens_nothing(project: Project) -> None:
    table = (
        "create table public.runs (id bigint primary key, is_public boolean, run_count int);\n"
        "alter table public.runs enable row level security;\n"
    )
    project.write(
        "runs.sql",
        table + "create policy read on public.runs for select "
        "to authenticated using (is_public);\n",
    )
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write(
        "runs.sql",
        table + "create policy read on public.runs for select "
        "to authenticated using (is_public and run_count >= 0);\n",
    )
    tightened = project.run("plan")
    assert tightened.exit_code == 0, tightened.output  # no weakens_security to allow
    assert "alter policy read on public.runs" in tightened.stdout
    assert "drop policy" not in tightened.stdout.split("-- rollback")[0]
    # the way back loosens it: that is a weakening, and the rollback says so
    assert "weakens_security" in tightened.stdout.split("-- rollback")[1]


def test_an_error_level_lint_stops_plan_located(tmp_path: Path, fresh_db: str) -> None:
    project = Project(tmp_path, fresh_db, lints=True)
    project.write("notes.sql", "\ncreate table public.notes (id bigint primary key);\n")
    refused = project.run("plan")
    assert refused.exit_code == 2, refused.output
    first = refused.stderr.splitlines()[0]
    assert first.startswith("error: ") and "schema/notes.sql:2:1: rls_disabled_in_public:" in first
    assert project.tables() == []
    # the same rule set to a warning lets the plan through
    (tmp_path / "creo-schema.toml").write_text(
        'lint_levels = { rls_disabled_in_public = "warning" }\n'
    )
    assert project.run("plan").exit_code == 0
