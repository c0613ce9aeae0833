"""Subscriptions through the command line (issue 23): the connection string never leaves the
environment, bad declarations are refused where they are written with nothing touched, and
a subscription stays managed after schema/ stops declaring it, so it is dropped (and its
rollback creates it again). PostgreSQL 18 only: the corpus runs the kind on 15 too
(tests/cases/subscriptions/).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import LINTS_OFF, Project

VARIABLE = "CREO_TEST_FEED_URL"
SECRET = "host=/nonexistent/creo-schema-tests dbname=shop user=feeder password=s3cr'et\\x"
FEED = """
create table public.orders (id bigint primary key, total numeric(10, 2) not null);

create subscription feed
  connection ''
  publication orders_pub
  with (connect = false, slot_name = none, binary = true);
"""
CONFIG = f"""{LINTS_OFF}backup_before_apply = false
platform = "none"

[subscriptions.feed]
conninfo_env = "{VARIABLE}"
"""


@pytest.fixture
def project(tmp_path: Path, make_db, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(VARIABLE, raising=False)
    (tmp_path / "creo-schema.toml").write_text(CONFIG)
    return Project(tmp_path, make_db(platform="none"))


def _subscriptions(project: Project) -> list[tuple]:
    return project.query(
        "select subname::text, subenabled, subslotname::text, subbinary, subpublications"
        " from pg_subscription where subdbid ="
        " (select oid from pg_database where datname = current_database())"
    )


def _untouched(project: Project) -> None:
    assert project.tables() == []
    assert _subscriptions(project) == []


def test_a_subscription_is_created_dropped_once_undeclared_and_rolled_back(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(VARIABLE, SECRET)
    project.write("feeds.sql", FEED)
    plan_file, up_file = project.root / "plan.json", project.root / "up.sql"
    made = project.run("plan", "--out", str(plan_file), "--sql-out", str(up_file))
    assert made.exit_code == 0, made.output
    # The plan and its files name the variable, never its value.
    for text in (plan_file.read_text(), up_file.read_text(), made.output):
        assert "s3cr" not in text
    assert f"\\getenv {VARIABLE} {VARIABLE}" in up_file.read_text()
    assert f"connection :'{VARIABLE}'" in up_file.read_text()

    applied = project.run("apply", str(plan_file), "--auto-approve")
    assert applied.exit_code == 0, applied.output
    assert _subscriptions(project) == [("feed", False, None, True, ["orders_pub"])]
    recorded = project.query("select up_sql, subscriptions from creo_schema.migrations")
    assert "s3cr" not in recorded[0][0] and recorded[0][1] == ["feed"]
    assert project.run("drift").exit_code == 0

    # No longer declared, its setting kept: the last migration managed it, so it is dropped.
    project.write("feeds.sql", FEED.split("create subscription")[0])
    dropping = project.run("plan", "--format", "json", "--out", str(plan_file))
    assert dropping.exit_code == 0, dropping.output
    statements = json.loads(plan_file.read_text())["statements"]
    assert [s["sql"] for s in statements] == ["drop subscription feed"]
    assert project.run("apply", str(plan_file), "--auto-approve").exit_code == 0
    assert _subscriptions(project) == []

    undone = project.run("rollback", "--auto-approve")
    assert undone.exit_code == 0, undone.output
    assert _subscriptions(project) == [("feed", False, None, True, ["orders_pub"])]


def test_a_subscription_schema_never_declared_is_left_alone(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.execute(
        "create subscription hand_made connection 'host=/nonexistent/x'"
        " publication p with (connect = false, slot_name = none)"
    )
    project.write("orders.sql", FEED.split("create subscription")[0])
    made = project.run("plan", "--format", "json")
    assert made.exit_code == 0, made.output
    document = json.loads(made.stdout)
    assert all("hand_made" not in s["sql"] for s in document["statements"])
    assert any("subscription hand_made" in w for w in document["warnings"])


def test_a_connection_string_in_schema_is_refused_where_it_is_written(project: Project) -> None:
    project.write(
        "feeds.sql",
        "create subscription feed\n  connection 'host=pub password=hunter2'\n"
        "  publication orders_pub with (connect = false);\n",
    )
    made = project.run("plan")
    assert made.exit_code == 2
    lines = [line for line in made.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("error: ") and "schema/feeds.sql:2:14:" in lines[0]
    assert "a password must never be in a file" in lines[0]
    assert "[subscriptions.feed] conninfo_env" in lines[0]
    assert "hunter2" not in made.output
    _untouched(project)


def test_a_declared_subscription_needs_its_setting(project: Project) -> None:
    (project.root / "creo-schema.toml").write_text(CONFIG.split("[subscriptions")[0])
    project.write("feeds.sql", FEED)
    made = project.run("plan")
    assert made.exit_code == 2
    assert "schema/feeds.sql:4:1:" in made.stderr
    assert "subscription feed has no [subscriptions.feed] conninfo_env setting" in made.stderr
    _untouched(project)


def test_an_unset_variable_stops_plan_and_apply_before_anything(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write("feeds.sql", FEED)
    made = project.run("plan")
    assert made.exit_code == 2
    assert f"environment variable {VARIABLE} is not set" in made.stderr
    _untouched(project)

    monkeypatch.setenv(VARIABLE, SECRET)
    plan_file = project.root / "plan.json"
    assert project.run("plan", "--out", str(plan_file)).exit_code == 0
    monkeypatch.delenv(VARIABLE)
    applied = project.run("apply", str(plan_file), "--auto-approve")
    assert applied.exit_code == 2
    assert f"environment variable {VARIABLE} is not set" in applied.stderr
    assert "subscription feed" in applied.stderr
    _untouched(project)  # not even the history table
