"""Bad input: one located line, a documented exit code, and no database touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from creo_schema.db import connect
from tests.integration.cli import Project

GOOD = "create table public.things (id int primary key, name text);\n"


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, fresh_db)


def _untouched(project: Project) -> None:
    assert project.tables() == []


def test_syntax_error_is_located_exit_2(project: Project) -> None:
    project.write("tables/orders.sql", "create table orders (\n  id int,\n  total numeric,,\n);\n")
    result = project.run("plan")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == 'error: schema/tables/orders.sql:3:17: syntax error at or near ","'
    )
    _untouched(project)


def test_statement_postgres_rejects_is_located_at_the_server_cursor(project: Project) -> None:
    project.write("a.sql", GOOD + "create view public.v as\n  select id, nme from public.things;\n")
    result = project.run("drift")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(
        'error: schema/a.sql:3:14: PostgreSQL rejected this statement: column "nme" does not exist'
    )
    _untouched(project)


def test_unreachable_database_exit_3_and_the_password_never_shows(project: Project) -> None:
    project.write("a.sql", GOOD)
    url = "postgresql://creo:Sup3r-Secret-42@127.0.0.1:9/creo"
    out = project.root / "plan.json"
    for command in (
        ["plan", "--out", str(out)],
        ["drift"],
        ["apply", "--auto-approve"],
        ["history"],
    ):
        result = project.run(*command, url=url)
        assert result.exit_code == 3, result.output
        assert "Sup3r-Secret-42" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1
        assert "cannot connect to postgresql://creo:***@127.0.0.1:9/creo" in result.stderr
    assert not out.exists()


def test_malformed_url_is_bad_input(project: Project) -> None:
    project.write("a.sql", GOOD)
    result = project.run("plan", url="postgresql://x:pw@host:notaport/db")
    assert result.exit_code in (2, 3)
    assert "pw@" not in result.output


def test_missing_schema_directory_exit_2(project: Project) -> None:
    result = project.run("plan")
    assert result.exit_code == 2
    assert "schema directory" in result.stderr and "does not exist" in result.stderr


def test_unknown_config_key_exit_2_naming_it(project: Project) -> None:
    project.write("a.sql", GOOD)
    (project.root / "creo-schema.toml").write_text(
        'managed_schemas = ["public"]\nshadoww = "embedded"\n'
    )
    result = project.run("plan")
    assert result.exit_code == 2
    assert "creo-schema.toml:2:1: unknown configuration key 'shadoww'" in result.stderr
    assert "did you mean 'shadow'?" in result.stderr
    _untouched(project)


def test_stale_plan_is_refused_exit_4_and_changes_nothing(project: Project) -> None:
    project.write("a.sql", GOOD)
    plan_file = project.root / "plan.json"
    assert project.run("plan", "--out", str(plan_file)).exit_code == 0
    project.execute("create table public.sneaked_in (id int)")
    result = project.run("apply", str(plan_file), "--auto-approve")
    assert result.exit_code == 4
    assert "the target changed since this plan was made" in result.stderr
    assert project.tables() == ["creo_schema.migrations", "public.sneaked_in"]


def test_sql_file_given_as_plan_says_what_was_meant(project: Project) -> None:
    sql_file = project.root / "up.sql"
    sql_file.write_text("create table x (id int);\n")
    result = project.run("apply", str(sql_file), "--auto-approve")
    assert result.exit_code == 2
    assert "is not a plan file" in result.stderr
    assert "plan --out" in result.stderr


def test_apply_without_confirmation_when_not_interactive_is_refused(project: Project) -> None:
    project.write("a.sql", GOOD)
    result = project.run("apply")
    assert result.exit_code == 4
    assert "--auto-approve" in result.stderr
    _untouched(project)


def test_concurrent_apply_is_refused_while_the_lock_is_held(project: Project) -> None:
    project.write("a.sql", GOOD)
    with connect(project.url, autocommit=True) as holder:
        holder.execute("select pg_advisory_lock(%s)", (0x43524530,))
        result = project.run("apply", "--auto-approve")
    assert result.exit_code == 4
    assert "another creo-schema apply is running" in result.stderr
    assert "public.things" not in project.tables()


def test_errors_in_json_format_are_documents(project: Project) -> None:
    project.write("a.sql", "create tabel x ();\n")
    result = project.run("plan", "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["format"] == "creo-schema/error"
    assert document["error"]["location"] == {"file": "schema/a.sql", "line": 1, "column": 8}
