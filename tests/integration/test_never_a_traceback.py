"""Never a traceback (issue 14, item 4), through the real command line.

Every scenario of the corpus is planned through the command line, `plan --format json`, by
tests/test_cases.py itself (on PostgreSQL 18 and 15): one JSON document, never a
traceback, never an internal error, whatever the outcome; the bad-input corpus checks the
same of every case (tests/badinput). Here: a psycopg error that escapes from anywhere is
exit 3 with the server's own message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import Project


def test_a_database_error_escaping_is_exit_3_with_the_servers_message(
    make_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug that lets a server's error through (planted: the target is asked to divide by
    zero where `plan` starts) still ends in one line, with what the server said."""
    import creo_schema.commands.planning as planning

    def failing_probe(settings: object, target: object, *args: object) -> None:
        target.execute("select 1 / 0")  # type: ignore[attr-defined]

    monkeypatch.setattr(planning, "probe", failing_probe)
    project = Project(tmp_path, make_db())
    project.write("a.sql", "create table public.t (id int primary key);\n")

    result = project.run("plan")
    assert result.exit_code == 3
    assert result.stderr == (
        "error: the database failed during plan: division by zero\n"
        "hint: run with --debug for the traceback\n"
    )

    as_json = project.run("plan", "--format", "json")
    assert as_json.exit_code == 3
    assert json.loads(as_json.stdout)["error"] == {
        "kind": "database",
        "message": "the database failed during plan: division by zero",
        "hint": "run with --debug for the traceback",
    }
