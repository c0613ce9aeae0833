"""One confirmation flag on every command that asks: `--auto-approve`, with `--yes` as its
alias (issue 24). Each spelling is run for real, on a real database, and the refusal
without either names both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli
from tests.integration.cli import Project

ASKING = [
    ["apply"],
    ["rollback"],
    ["backup", "restore"],
    ["backup", "cleanup"],
    ["dev", "reset"],
]
HINT = "hint: pass --auto-approve (or --yes) to go on non-interactively"


@pytest.mark.parametrize("command", ASKING, ids=" ".join)
def test_help_shows_both_spellings(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])

    assert result.exit_code == 0, result.output
    assert re.search(r"^  --auto-approve, --yes +\S", result.stdout, re.MULTILINE), result.stdout
    assert "without asking for confirmation" in result.stdout


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)  # backups/ is made here
    project = Project(tmp_path, fresh_db)
    project.write("t.sql", "create table public.t (id bigint primary key);\n")
    return project


def test_apply_and_rollback_take_either(project: Project) -> None:
    project.write("t.sql", "create table public.t (id bigint);\n")  # one statement each way
    unasked = project.run("apply", "--no-backup")
    assert unasked.exit_code == 4, unasked.output
    assert unasked.stderr.splitlines()[-1] == HINT
    assert project.tables() == []

    applied = project.run("apply", "--yes", "--no-backup")
    assert applied.exit_code == 0, applied.output
    assert "Applied 1 statement as migration 1 in " in applied.stdout  # one, not "statements"

    back = ["--allow-destructive", "--no-backup"]
    unasked = project.run("rollback", *back)
    assert unasked.exit_code == 4 and unasked.stderr.splitlines()[-1] == HINT, unasked.output
    rolled = project.run("rollback", "--auto-approve", *back)
    assert rolled.exit_code == 0, rolled.output
    assert "Rolled back migration 1 with 1 statement (recorded as 2)." in rolled.stdout
    assert "public.t" not in project.tables()

    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    rolled = project.run("rollback", "--yes", *back)
    assert rolled.exit_code == 0, rolled.output
    assert "public.t" not in project.tables()


def test_backup_restore_and_cleanup_take_either(project: Project) -> None:
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("insert into public.t values (1), (2)")
    made = project.run("backup", "create")
    assert made.exit_code == 0, made.output
    backup_id = made.stdout.split()[1]
    project.execute("delete from public.t")

    unasked = project.run("backup", "restore", backup_id)
    assert unasked.exit_code == 4 and unasked.stderr.splitlines()[-1] == HINT, unasked.output
    for flag in ("--yes", "--auto-approve"):
        project.execute("delete from public.t")
        restored = project.run("backup", "restore", backup_id, flag)
        assert restored.exit_code == 0, restored.output
        assert "1 table, 2 rows" in restored.stdout
        assert project.query("select count(*) from public.t") == [(2,)]

    unasked = project.run("backup", "cleanup", "--older-than", "0")
    assert unasked.exit_code == 4 and unasked.stderr.splitlines()[-1] == HINT, unasked.output
    for flag in ("--yes", "--auto-approve"):
        if flag == "--auto-approve":
            made = project.run("backup", "create")
            assert made.exit_code == 0, made.output
            backup_id = made.stdout.split()[1]
        removed = project.run("backup", "cleanup", "--older-than", "0", flag)
        assert removed.exit_code == 0, removed.output
        assert removed.stdout.strip() == f"Removed 1 backup: {backup_id}"
