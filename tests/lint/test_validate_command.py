"""`creo-schema validate` end to end: the Creo schema is clean; findings are lines or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli
from tests.conftest import ROOT
from tests.integration.cli import Project


def test_the_creo_schema_validates_with_no_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["--schema-dir", "schema", "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No findings:"), result.output


def test_findings_as_lines_and_as_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_db: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, fresh_db, lints=True)
    project.write(
        "a.sql",
        "create schema private;\n"
        "create table private.events (at timestamptz);\n"
        "create function public.f() returns int language sql as 'select 1';\n",
    )
    text = project.run("validate")
    assert text.exit_code == 0, text.output  # warnings and infos are advice
    assert text.stdout.splitlines() == [
        "schema/a.sql:2:1: info no_primary_key: table private.events has no primary key",
        "  hint: add one, e.g. id bigint generated always as identity primary key",
        "schema/a.sql:3:1: warning function_search_path_mutable: function public.f() has no "
        "fixed search_path: what its names mean depends on the caller's search_path",
        "  hint: add set search_path = '' and qualify every name in the body "
        "(public.t, pg_catalog.now())",
        "1 warning, 1 info in 1 file, 3 statements.".replace("1 warning", "0 errors, 1 warning"),
    ]
    strict = project.run("validate", "--strict", "--format", "json")
    assert strict.exit_code == 2
    document = json.loads(strict.stdout)
    assert document["format"] == "creo-schema/validate" and document["format_version"] == 1
    assert document["counts"] == {"error": 0, "warning": 1, "info": 1}
    assert document["findings"][0]["location"] == {"file": "schema/a.sql", "line": 2, "column": 1}
    assert document["findings"][0]["rule"] == "no_primary_key"
