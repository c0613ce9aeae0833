"""The dev database: what `creo-schema plan` targets when no URL is given."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli
from creo_schema.db import connect


def test_plan_apply_drift_against_the_dev_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "t.sql").write_text(
        "create table public.notes (id bigint primary key, body text);\n"
        "alter table public.notes enable row level security;\n"
    )
    runner = CliRunner()

    assert runner.invoke(cli, ["dev", "reset", "--yes"]).exit_code == 0
    url = runner.invoke(cli, ["dev", "url"]).stdout.strip()
    assert url.startswith("postgresql://postgres@/creo?host=")

    planned = runner.invoke(cli, ["plan"])
    assert planned.exit_code == 0, planned.output
    assert "create table public.notes" in planned.stdout
    assert runner.invoke(cli, ["apply", "--auto-approve"]).exit_code == 0
    assert runner.invoke(cli, ["drift"]).exit_code == 0
    with connect(url) as conn:
        assert conn.execute("select to_regclass('public.notes') is not null").fetchone() == (True,)
        # the dev database looks like Supabase: the platform prelude is loaded
        assert conn.execute("select to_regprocedure('auth.uid()') is not null").fetchone() == (
            True,
        )

    status = runner.invoke(cli, ["dev", "status"])
    assert status.exit_code == 0 and status.stdout.startswith("running")
    assert runner.invoke(cli, ["dev", "stop"]).stdout.strip() == "stopped"
    stopped = runner.invoke(cli, ["dev", "status"])
    assert stopped.exit_code == 1 and stopped.stdout.startswith("stopped")
    # the data survives a restart
    assert runner.invoke(cli, ["drift"]).exit_code == 0


def test_dev_reset_needs_confirmation(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["dev", "reset"])
    assert result.exit_code == 4
    assert "--yes" in result.stderr
