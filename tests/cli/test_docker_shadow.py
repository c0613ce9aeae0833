"""`--shadow docker[:IMAGE]`: a PostgreSQL container via testcontainers (issue 15, item 5).

This machine has no Docker engine: the tests that need one skip, saying so; those that run
everywhere check the error a user without an engine gets, and that the container's idle
watcher, started where no engine answers, ends at once (the idle decisions themselves are
tested without an engine in tests/unit/test_idle_stop.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from creo_schema.shadow import docker_idle
from creo_schema.shadow.docker import LABEL, engine_address, engine_answers
from tests.conftest import DbFactory
from tests.integration.cli import Project

TABLE = "create table public.t (id bigint primary key);\n"

NO_ENGINE = pytest.mark.skipif(
    not engine_answers(),
    reason=f"no Docker engine answers at {engine_address()}: the docker shadow's live tests "
    "run only where one does",
)


@pytest.mark.parametrize("choice", ["docker", "docker:postgres:18"])
def test_no_engine_is_one_line_and_exit_2(
    choice: str, tmp_path: Path, make_db: DbFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = f"unix://{tmp_path}/docker.sock"  # nothing listens there
    monkeypatch.setenv("DOCKER_HOST", address)
    project = Project(tmp_path, make_db())
    project.write("t.sql", TABLE)

    result = project.run("validate", "--shadow", choice)

    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: shadow provider 'docker': no Docker engine answers at {address}"
    assert lines[1].startswith("hint: ") and len(lines) == 2


@NO_ENGINE
def test_the_container_is_started_once_and_reused(tmp_path: Path, make_db: DbFactory) -> None:
    import docker  # type: ignore[import-untyped,unused-ignore]

    project = Project(tmp_path, make_db())
    project.write("t.sql", TABLE)

    first = project.run("plan", "--shadow", "docker")
    second = project.run("plan", "--shadow", "docker")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert "create table public.t" in second.stdout
    found = docker.from_env().containers.list(
        filters={"label": f"{LABEL}=creo-schema-shadow-postgres-18"}
    )
    assert len(found) == 1


def test_the_watcher_ends_at_once_where_no_engine_answers(tmp_path: Path) -> None:
    name = "creo-schema-shadow-postgres-18"
    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/docker.sock"}  # nothing there

    watcher = subprocess.run(
        [sys.executable, "-m", "creo_schema.shadow.docker_idle", str(tmp_path), name],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert watcher.returncode == 0 and watcher.stderr == "", watcher.stderr
    assert not docker_idle.watcher_running(tmp_path, name)


@NO_ENGINE
def test_the_container_stops_itself_when_idle(tmp_path: Path, make_db: DbFactory) -> None:
    import docker  # type: ignore[import-untyped,unused-ignore]

    project = Project(tmp_path, make_db())
    project.write("t.sql", TABLE)
    (tmp_path / "creo-schema.toml").write_text('shadow_idle_stop = "3s"\n')
    name = "creo-schema-shadow-postgres-18"

    planned = project.run("plan", "--shadow", "docker")
    started = time.monotonic()

    assert planned.exit_code == 0, planned.output
    status = project.run("shadow", "status", "--format", "json")
    (shadow,) = [s for s in json.loads(status.stdout)["servers"] if s["name"] == name]
    assert shadow["running"] is True and shadow["watched"] is True
    assert shadow["idle_stop_s"] == 3.0
    client = docker.from_env()

    def running() -> bool:
        found = client.containers.list(all=True, filters={"label": f"{LABEL}={name}"})
        return any(c.status == "running" for c in found)

    while running() and time.monotonic() - started < 60:
        time.sleep(0.5)
    assert not running(), "the container outlived its idle time"
    assert time.monotonic() - started >= 2.0  # not before it was idle
    deadline = time.monotonic() + 15
    while docker_idle.watcher_running(Path(os.environ["CREO_SCHEMA_HOME"]), name):
        assert time.monotonic() < deadline, "the watcher outlived its container"
        time.sleep(0.2)

    again = project.run("plan", "--shadow", "docker")  # started again on demand
    assert again.exit_code == 0, again.output
    assert running()
    for container in client.containers.list(filters={"label": f"{LABEL}={name}"}):
        container.stop()  # not `shadow stop`: the suite's own shadow servers run on
