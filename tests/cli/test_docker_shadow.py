"""`--shadow docker[:IMAGE]`: a PostgreSQL container via testcontainers (issue 15, item 5;
issue 22, item 6).

The live tests need a Docker engine at $DOCKER_HOST with the images `postgres:18` and
`postgres:15` (CI starts one and builds them without Docker Hub: .ci/docker.sh). Where none
answers they skip, saying so; in CI (CI=true) that is a failure. Each test session, and each
pytest-xdist worker, has a creo-schema home of its own (tests/conftest.py), so its own
containers: the tests here share them, as a user's runs do, and the session removes them at
its end. The rest run everywhere: the error a user without an engine gets, and the idle
watcher ending at once where no engine answers (the idle decisions themselves are tested
without an engine in tests/unit/test_idle_stop.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from psycopg import sql

from creo_schema.db import connect
from creo_schema.plan.verify import METHOD
from creo_schema.shadow import docker_idle
from creo_schema.shadow.docker import (
    HOME_LABEL,
    LABEL,
    container_name,
    container_url,
    engine_address,
    engine_answers,
    password_of,
    shadow_containers,
)
from creo_schema.shadow.providers import home_dir
from creo_schema.shadow.tempdb import DESIRED_PREFIX
from tests.conftest import DbFactory
from tests.integration.cli import LINTS_OFF, Project

TABLE = "create table public.t (id bigint primary key);\n"


@pytest.fixture
def engine() -> Any:
    """A docker-py client of the engine at $DOCKER_HOST; a skip where none answers, a failure
    in CI."""
    if not engine_answers():
        reason = f"no Docker engine answers at {engine_address()}"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{reason}: CI runs the docker shadow's live tests (.ci/docker.sh)")
        pytest.skip(f"{reason}: the docker shadow's live tests run only where one does")
    import docker  # type: ignore[import-untyped,unused-ignore]

    return docker.from_env()


@pytest.fixture(params=["pg18", "pg15"])
def target(request: pytest.FixtureRequest, make_db: DbFactory) -> tuple[str, int]:
    """A fresh target database (Supabase's prelude) on PostgreSQL 18 or 15, and its major."""
    cluster = request.getfixturevalue(request.param)
    return make_db(cluster=cluster), int(request.param.removeprefix("pg"))


def _containers(engine: Any, name: str) -> list[Any]:
    return list(engine.containers.list(all=True, filters={"label": f"{LABEL}={name}"}))


def _running(engine: Any, name: str) -> bool:
    return any(c.status == "running" for c in _containers(engine, name))


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


def test_the_watcher_ends_at_once_where_no_engine_answers(tmp_path: Path) -> None:
    name = "creo-schema-shadow-postgres-18-0123456789"
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


def test_a_plan_through_the_container_and_the_next_ones_reuse_it(
    engine: Any, target: tuple[str, int], tmp_path: Path
) -> None:
    """The second plan finds the container running; the third, its kept desired state gone,
    proves the plan on a copy of the target, dumped by a pg_dump of the target's version."""
    url, major = target
    project = Project(tmp_path, url)
    project.write("t.sql", TABLE)
    name = container_name(f"postgres:{major}", home_dir())

    first = project.run("plan", "--shadow", "docker")
    (container,) = _containers(engine, name)
    second = project.run("plan", "--shadow", "docker")
    _drop_kept_desired_states(container, home_dir(), name)
    third = project.run("plan", "--shadow", "docker", "--format", "json")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert "create table public.t" in second.stdout
    assert third.exit_code == 0, third.output
    verification = json.loads(third.stdout)["verification"]
    assert verification["verified"] is True and verification["method"] == METHOD
    (again,) = _containers(engine, name)
    assert again.id == container.id and again.status == "running"
    assert again.attrs["State"]["StartedAt"] == container.attrs["State"]["StartedAt"]
    assert again.labels[HOME_LABEL] == str(home_dir())
    (published,) = again.attrs["NetworkSettings"]["Ports"]["5432/tcp"]
    assert published["HostIp"] == "127.0.0.1"  # never on every address
    assert again.attrs["Config"]["Image"] == f"postgres:{major}"
    assert (home_dir() / f"{name}.password").stat().st_mode & 0o777 == 0o600


def _drop_kept_desired_states(container: Any, home: Path, name: str) -> None:
    container.reload()
    with connect(container_url(container, password_of(home, name)), autocommit=True) as conn:
        kept = conn.execute(
            "select datname from pg_database where datname like %s", (DESIRED_PREFIX + "%",)
        ).fetchall()
        assert kept, "the plans kept no desired state in the container"
        for (datname,) in kept:
            conn.execute(sql.SQL("drop database {}").format(sql.Identifier(datname)))


def test_the_container_stops_itself_when_idle(
    engine: Any, make_db: DbFactory, tmp_path: Path
) -> None:
    project = Project(tmp_path, make_db())
    project.write("t.sql", TABLE)
    (tmp_path / "creo-schema.toml").write_text('shadow_idle_stop = "3s"\n')
    name = container_name("postgres:18", home_dir())

    planned = project.run("plan", "--shadow", "docker")
    started = time.monotonic()

    assert planned.exit_code == 0, planned.output
    status = project.run("shadow", "status", "--format", "json")
    (shadow,) = [s for s in json.loads(status.stdout)["servers"] if s["name"] == name]
    assert shadow["running"] is True and shadow["watched"] is True
    assert shadow["idle_stop_s"] == 3.0
    while _running(engine, name) and time.monotonic() - started < 60:
        time.sleep(0.2)
    assert not _running(engine, name), "the container outlived its idle time"
    assert time.monotonic() - started >= 2.0  # not before it was idle
    deadline = time.monotonic() + 15
    while docker_idle.watcher_running(home_dir(), name):
        assert time.monotonic() < deadline, "the watcher outlived its container"
        time.sleep(0.2)

    (tmp_path / "creo-schema.toml").write_text("")  # the default idle stop again
    again = project.run("plan", "--shadow", "docker")  # started again on demand
    assert again.exit_code == 0, again.output
    assert _running(engine, name)
    # The watcher is a process of its own, started as the container is: on a loaded machine
    # it may still be importing when a warm plan is already done.
    deadline = time.monotonic() + 15
    while not docker_idle.watcher_running(home_dir(), name):
        assert time.monotonic() < deadline, "no watcher for the container started again"
        time.sleep(0.2)


@pytest.fixture
def other_home(engine: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A second creo-schema home (another user's, another checkout's), inside the tests' own
    (as tests/cli/test_servers_stop.py's); its containers are removed after the test."""
    home = Path(tempfile.mkdtemp(prefix="docker-home-", dir=home_dir()))
    yield home
    for container in shadow_containers(home):
        container.remove(force=True)


def test_another_home_has_a_container_of_its_own(
    engine: Any,
    make_db: DbFactory,
    tmp_path: Path,
    other_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another home (another user, another checkout, another pytest-xdist worker) gets its
    own container and password, which two of its commands at once share; `shadow stop` there
    stops that one only; and when that home is made anew (its password gone), its container
    is replaced rather than refusing every run."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "t.sql").write_text(TABLE)
    (tmp_path / "creo-schema.toml").write_text(LINTS_OFF)
    ours = container_name("postgres:18", home_dir())
    project = Project(tmp_path, make_db())
    assert project.run("plan", "--shadow", "docker").exit_code == 0
    name = container_name("postgres:18", other_home)
    args = [
        "--config",
        str(tmp_path / "creo-schema.toml"),
        "--schema-dir",
        str(tmp_path / "schema"),
    ]
    command = [sys.executable, "-m", "creo_schema", *args, "plan", "--shadow", "docker"]
    env = {**os.environ, "CREO_SCHEMA_HOME": str(other_home)}

    both = [
        subprocess.Popen(
            [*command, "--database-url", make_db()],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]

    for run in both:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, out + err
        assert "create table public.t" in out
    (container,) = shadow_containers(other_home)
    assert container.name == name and container.status == "running"
    assert container.labels[HOME_LABEL] == str(other_home)
    assert password_of(other_home, name) != password_of(home_dir(), ours)
    assert _running(engine, ours)

    monkeypatch.setenv("CREO_SCHEMA_HOME", str(other_home))
    assert docker_idle.watcher_running(other_home, name)
    stopped = project.run("shadow", "stop")
    assert stopped.exit_code == 0, stopped.output
    assert stopped.stdout == f"stopped {name}\n"
    status = project.run("shadow", "status", "--format", "json")
    assert [(s["name"], s["running"]) for s in json.loads(status.stdout)["servers"]] == [
        (name, False)
    ]
    assert _running(engine, ours)  # another home's is left alone
    deadline = time.monotonic() + 15
    while docker_idle.watcher_running(other_home, name):
        assert time.monotonic() < deadline, "the watcher outlived its container"
        time.sleep(0.2)

    (other_home / f"{name}.password").unlink()
    again = project.run("plan", "--shadow", "docker")
    assert again.exit_code == 0, again.output
    (replaced,) = _containers(engine, name)
    assert replaced.id != container.id and replaced.status == "running"


def test_an_image_the_engine_cannot_get_is_one_line_and_exit_3(
    engine: Any, make_db: DbFactory, tmp_path: Path
) -> None:
    project = Project(tmp_path, make_db())
    project.write("t.sql", TABLE)

    result = project.run("validate", "--shadow", "docker:creo-schema-tests/no-such-image:18")

    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: the docker shadow creo-schema-shadow-creo-schema-tests")
    assert "could not be started" in lines[0]
    assert lines[1].startswith("hint: ") and len(lines) == 2
