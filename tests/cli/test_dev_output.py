"""`dev` as a script sees it (issue 24): `dev url|start|reset --format json` is one document
that says what the URL points at, `dev status` exits 0 running and 1 stopped in every
format, and `dev reset` takes `--auto-approve` or `--yes`.

In a home of its own (CREO_SCHEMA_HOME), so that stopping this dev server stops no other
test's."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from creo_schema.cli import cli
from creo_schema.commands.servers import stop_dev
from creo_schema.db import connect


@pytest.fixture(scope="module")
def own_home() -> Iterator[Path]:
    """As in test_servers_stop.py: under the tests' home, and the shared one restored."""
    shared = os.environ["CREO_SCHEMA_HOME"]
    home = Path(tempfile.mkdtemp(prefix="own-home-", dir=shared))
    os.environ["CREO_SCHEMA_HOME"] = str(home)
    try:
        yield home
    finally:
        try:
            stop_dev(all_servers=True)
        finally:
            os.environ["CREO_SCHEMA_HOME"] = shared


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--platform", "none", *args], catch_exceptions=False)


def _document(result: Result, kind: str) -> dict[str, object]:
    body = json.loads(result.stdout)  # one document, nothing else on stdout
    assert body["format"] == f"creo-schema/{kind}" and body["format_version"] == 1
    return body


def test_dev_commands_as_json_and_their_exit_codes(own_home: Path) -> None:
    url = _run("dev", "url", "--format", "json")
    assert url.exit_code == 0, url.output
    body = _document(url, "dev-url")
    assert body["database"] == "creo" and body["platform"] == "none"
    assert Path(str(body["data_dir"])).is_relative_to(own_home)
    with connect(str(body["url"])) as conn:
        assert conn.execute("select current_database()").fetchone() == ("creo",)
    assert _run("dev", "url").stdout == f"{body['url']}\n"  # text: the URL alone
    started = _run("--format", "json", "dev", "start")
    assert started.exit_code == 0 and _document(started, "dev-start")["url"] == body["url"]

    for args in (["dev", "status"], ["dev", "status", "--format", "json"]):
        running = _run(*args)
        assert running.exit_code == 0, running.output
    assert _document(running, "dev-status")["running"] is True

    with connect(str(body["url"]), autocommit=True) as conn:
        conn.execute("create table public.kept (id int)")
    for flag in ("--yes", "--auto-approve"):
        reset = _run("dev", "reset", flag, "--format", "json")
        assert reset.exit_code == 0, reset.output
        assert _document(reset, "dev-reset")["url"] == body["url"]
    with connect(str(body["url"])) as conn:
        assert conn.execute("select to_regclass('public.kept')").fetchone() == (None,)

    assert _run("dev", "stop").exit_code == 0
    stopped_text = _run("dev", "status")
    stopped_json = _run("dev", "status", "--format", "json")
    assert stopped_text.stdout.startswith("stopped")
    assert _document(stopped_json, "dev-status")["running"] is False
    assert stopped_text.exit_code == stopped_json.exit_code == 1
