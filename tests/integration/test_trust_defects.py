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
