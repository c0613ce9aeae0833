"""`--shadow docker[:IMAGE]`: a PostgreSQL container via testcontainers (issue 15, item 5).

This machine has no Docker engine: the test that needs one skips, saying so, and the one
that runs everywhere checks the error a user without an engine gets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.shadow.docker import LABEL, engine_address, engine_answers
from tests.conftest import DbFactory
from tests.integration.cli import Project

TABLE = "create table public.t (id bigint primary key);\n"


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


@pytest.mark.skipif(
    not engine_answers(),
    reason=f"no Docker engine answers at {engine_address()}: the docker shadow's live test "
    "runs only where one does",
)
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
