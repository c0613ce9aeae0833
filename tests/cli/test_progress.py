"""Backups and restores show counts and rates to a person; --format json stays one document
(issue 15, item 6). FORCE_COLOR and TTY_INTERACTIVE make rich treat the captured stderr as
the terminal a person would watch."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import DbFactory
from tests.integration.cli import Project

TABLES = (
    "create table public.events (id bigint primary key, body text);\n"
    "alter table public.events enable row level security;\n"
    "create table public.tags (id bigint primary key);\n"
    "alter table public.tags enable row level security;\n"
)


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "1")


def _project(tmp_path: Path, url: str) -> Project:
    project = Project(tmp_path, url)
    project.write("t.sql", TABLES)
    (tmp_path / "creo-schema.toml").write_text(f'backup_dir = "{tmp_path / "backups"}"\n')
    assert project.run("apply", "--auto-approve").exit_code == 0
    project.execute(
        "insert into public.events select i, repeat('x', 50) from generate_series(1, 30000) i;"
        "insert into public.tags select generate_series(1, 10); analyze"
    )
    return project


def test_backups_show_rows_and_rates_and_json_stays_one_document(
    tmp_path: Path, make_db: DbFactory, watched: None
) -> None:
    project = _project(tmp_path, make_db())

    made = project.run("backup", "create")
    backup_id = made.stdout.split()[1]
    restored = project.run("backup", "restore", backup_id, "--auto-approve")
    as_json = project.run("backup", "create", "--format", "json")

    assert made.exit_code == 0 and restored.exit_code == 0, made.output + restored.output
    for shown in (made.stderr, restored.stderr):
        plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)  # without colours and cursor moves
        # The last frame, drawn when the copy ends: all tables, then the last table.
        assert re.search(r"2 tables\W.* 30,010 rows +[\d,]+ rows/s", plain), plain[-1500:]
        assert re.search(r"public\.tags\W.* 10/10 rows", plain), plain[-1500:]
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)["format"] == "creo-schema/backup-create"
    assert as_json.stderr == ""


def _tables(names: range) -> str:
    return "".join(f"create table public.t_{i} (id bigint primary key);\n" for i in names)


def test_plans_show_statement_counts_and_rates_and_json_stays_one_document(
    tmp_path: Path, make_db: DbFactory, watched: None
) -> None:
    # 250 tables: the shadow loads them in two batches; the proof runs the 500 statements
    # that create them and the 250 of the rollback.
    project = Project(tmp_path, make_db())
    project.write("tables.sql", _tables(range(250)))

    shown = project.run("plan")

    assert shown.exit_code == 0, shown.output
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.stderr)
    assert re.search(
        r"loading the desired state into the shadow +250/250 statements +[\d,]+/s",
        plain,
    ), plain[-2000:]
    assert re.search(r"proving the plan on a shadow copy +750/750 statements +[\d,]+/s", plain), (
        plain[-2000:]
    )
    assert "statements" not in shown.stdout.split("\n", 1)[0]  # the plan itself: stdout

    project.write("tables.sql", _tables(range(260)))  # loaded again, not remembered
    as_json = project.run("plan", "--format", "json")

    assert as_json.exit_code == 0, as_json.output
    document = json.loads(as_json.stdout)
    assert document["format"] == "creo-schema/plan" and len(document["statements"]) == 520
    assert as_json.stderr == ""
