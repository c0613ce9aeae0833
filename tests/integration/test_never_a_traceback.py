"""Never a traceback (issue 14, item 4), through the real command line.

Every scenario of the corpus (tests/cases, on PostgreSQL 18: before.sql in a fresh database,
after.sql as schema/) planned with `plan --format json`: one JSON document, never a
traceback, never an internal error, whatever the plan's outcome (a refusal is exit 4 with
the error in the document). `CREO_CASES=<prefix>` narrows it as it does tests/test_cases.py.

A psycopg error that escapes from anywhere is exit 3 with the server's own message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from creo_schema.db import connect
from tests.integration.cli import Project
from tests.test_cases import _CASES, Case


@pytest.mark.parametrize("case", _CASES, ids=[c.id for c in _CASES])
def test_plan_json_over_the_corpus(case: Case, make_db, tmp_path: Path) -> None:
    url = make_db()
    if case.before.strip():
        with connect(url, autocommit=True) as conn:
            conn.execute(case.before)  # type: ignore[arg-type]
    project = Project(tmp_path, url)
    project.write("schema.sql", case.after)
    managed = [arg for schema in case.schemas for arg in ("--managed-schema", schema)]

    result = project.run(*managed, "plan", "--format", "json")

    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    document = json.loads(result.stdout)  # one document, whatever happened
    assert result.exit_code in (0, 4), output
    if result.exit_code == 4:
        assert document["exit_code"] == 4
        assert document["error"]["kind"] != "internal", document["error"]
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    if case.refused:  # its wording is tests/test_cases.py's to check
        assert result.exit_code == 4, output


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
