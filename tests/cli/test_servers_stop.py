"""Servers that stop: `shadow status|stop`, `dev stop --all`, and the shadow's idle stop.

These run in a home of their own (CREO_SCHEMA_HOME), so that no command here stops the
servers the rest of the suite shares.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from creo_schema.cli import cli
from creo_schema.commands.servers import stop_dev
from creo_schema.shadow import idle
from creo_schema.shadow.providers import shadow_cluster
from tests.integration.cli import LINTS_OFF


@pytest.fixture(scope="module")
def own_home() -> Iterator[Path]:
    """A home inside the tests' own, not under tmp_path: a server run as another OS user (we
    may be root) loses its data directory when a concurrent pytest session makes
    /tmp/pytest-of-root private again. The shared home comes back whatever happens, or
    every later test of this worker would run in this one."""
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


def _project(root: Path, idle_stop: str) -> list[str]:
    (root / "schema").mkdir(exist_ok=True)
    (root / "schema" / "t.sql").write_text("create table public.t (id bigint primary key);\n")
    config = root / "creo-schema.toml"
    config.write_text(f'shadow_idle_stop = "{idle_stop}"\n' + LINTS_OFF)
    return ["--config", str(config), "--schema-dir", str(root / "schema")]


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _shadows() -> dict[str, dict[str, object]]:
    result = _run("shadow", "status", "--format", "json")
    assert result.exit_code == 0, result.output
    return {s["name"]: s for s in json.loads(result.stdout)["servers"]}


def test_the_shadow_stops_itself_when_idle(own_home: Path, tmp_path: Path) -> None:
    args = _project(tmp_path, "3s")

    validated = _run("validate", *args)
    started = time.monotonic()

    assert validated.exit_code == 0, validated.output
    shadow = _shadows()["shadow-embedded"]
    assert shadow["running"] is True and shadow["watched"] is True
    assert shadow["idle_stop_s"] == 3.0
    while _shadows()["shadow-embedded"]["running"] and time.monotonic() - started < 30:
        time.sleep(0.2)
    assert _shadows()["shadow-embedded"]["running"] is False
    assert time.monotonic() - started >= 2.0  # not before it was idle
    cluster = shadow_cluster("embedded")
    deadline = time.monotonic() + 10
    while idle.watcher_running(cluster) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not idle.watcher_running(cluster), "the watcher outlived its server"


def test_shadow_stop_and_dev_stop_all(own_home: Path, tmp_path: Path) -> None:
    args = _project(tmp_path, "10min")
    assert _run("validate", *args).exit_code == 0

    stopped = _run("shadow", "stop")

    assert stopped.exit_code == 0 and stopped.stdout == "stopped shadow-embedded\n"
    assert _run("shadow", "stop").stdout == "not running\n"
    assert _run("validate", *args).exit_code == 0
    assert _run("dev", "start").exit_code == 0

    both = _run("dev", "stop", "--all")

    assert both.exit_code == 0 and both.stdout == "stopped dev, shadow-embedded\n"
    assert _shadows()["shadow-embedded"]["running"] is False
    assert _run("dev", "status").stdout.startswith("stopped")
    assert _run("dev", "stop").stdout == "not running\n"
