"""`apply` ends in sync or says why (issue 14, item 5).

A plan is proven before it is shown, so a database that still differs from the plan's
desired state after applying it is a defect, or something changed the database meanwhile.
Planted here: another session creates a trigger (and its function) while apply's statements
run (the crash tests' hook, `_fault_injection`, called after each statement). `apply` must
name what differs, exit 4, and record the migration as failed with that error: right after
planning, from a plan file (the desired state then found again from schema/), and, when
schema/ changed since the plan was made, say that the objects cannot be named.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import creo_schema.apply.run as run
from creo_schema.db import connect
from creo_schema.shadow.providers import home_dir
from tests.integration.cli import Project

BEFORE = "create table public.things (id int primary key);\n"
SCHEMA = BEFORE + "create table public.notes (id int primary key, body text);\n"
PLANTED = [
    "create function public.stamp() returns trigger language plpgsql"
    " as $$ begin return new; end $$",
    "create trigger stamp before insert on public.things"
    " for each row execute function public.stamp()",
]
TRIGGER_LEFT = "trigger public.things.stamp: in the database, not in the desired state"
FUNCTION_LEFT = "function public.stamp(): in the database, not in the desired state"


@pytest.fixture
def project(make_db, tmp_path: Path) -> Project:
    url = make_db()
    with connect(url, autocommit=True) as conn:
        conn.execute(BEFORE)
    made = Project(tmp_path, url)
    made.write("app.sql", SCHEMA)
    return made


def _plant_after_first_statement(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    def injection() -> Callable[[int], None]:
        def after(number: int) -> None:
            if number == 1:
                with connect(url, autocommit=True) as other:
                    for statement in PLANTED:
                        other.execute(statement)  # type: ignore[arg-type]

        return after

    monkeypatch.setattr(run, "_fault_injection", injection)


def _forget_desired_states() -> None:
    """As on another machine, or after the cache was cleared: no desired state remembered."""
    for entry in (home_dir() / "cache").glob("desired-*.pickle"):
        entry.unlink()


def _history(project: Project) -> list[tuple]:
    return project.query("select id, status, error from creo_schema.migrations order by id")


def test_right_after_planning_the_difference_is_named(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plant_after_first_statement(monkeypatch, project.url)

    result = project.run("apply", "--auto-approve")

    assert result.exit_code == 4, result.output
    assert "Applied 2 statements as migration 1" in result.stdout
    line, hint = result.stderr.splitlines()
    assert line.startswith(
        "error: migration 1: all 2 statements ran, but the database differs from the plan's "
        "desired state: "
    )
    assert FUNCTION_LEFT in line and TRIGGER_LEFT in line
    assert hint.startswith("hint: the migration is recorded as failed")
    [(_, status, error)] = _history(project)
    assert status == "failed"
    assert TRIGGER_LEFT in error and FUNCTION_LEFT in error
    # What the plan itself did is there: the database holds it, and the difference.
    assert project.query("select to_regclass('public.notes') is not null") == [(True,)]


def test_a_plan_file_finds_its_desired_state_again(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = project.root / "plan.json"
    planned = project.run("plan", "--out", str(plan_file))
    assert planned.exit_code == 0, planned.output
    _forget_desired_states()
    _plant_after_first_statement(monkeypatch, project.url)

    result = project.run("apply", str(plan_file), "--auto-approve", "--format", "json")

    assert result.exit_code == 4, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "creo-schema/apply"
    assert document["applied"] is True and document["drift_left"] is True
    assert document["exit_code"] == 4
    assert TRIGGER_LEFT in document["differences"]
    assert FUNCTION_LEFT in document["differences"]
    assert document["error"]["details"]["migration_id"] == document["migration_id"]
    [(_, status, error)] = _history(project)
    assert status == "failed" and TRIGGER_LEFT in error


def test_when_schema_changed_since_the_plan_it_says_what_it_can(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_file = project.root / "plan.json"
    assert project.run("plan", "--out", str(plan_file)).exit_code == 0
    project.write("app.sql", SCHEMA + "create table public.later (id int primary key);\n")
    _forget_desired_states()
    _plant_after_first_statement(monkeypatch, project.url)

    result = project.run("apply", str(plan_file), "--auto-approve")

    assert result.exit_code == 4, result.output
    assert "the objects cannot be named: the plan's desired state could not be found again" in (
        result.stderr
    )
    [(_, status, error)] = _history(project)
    assert status == "failed" and "schema fingerprint" in error


def test_in_sync_after_apply_is_exit_0(project: Project) -> None:
    result = project.run("apply", "--auto-approve", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["drift_left"] is False and document["differences"] == []
    assert [row[1:] for row in _history(project)] == [("applied", None)]
