"""A target on Debian's newest PostgreSQL 15 (issue 22, item 9): 15.20 and later stamp every
column with an attribute option `pg_attver=<n>` that differs from server to server.

The binaries are Debian's package unpacked beside the installed PostgreSQL 15 (15.18 on the
development machine), not installed: `.ci/pg15_latest.sh` does it, and CI runs it first. The
target runs on them; the shadow is the machine's own PostgreSQL 15 (`local`). The stamp is
the server's, not a difference: the plan names it once, verifies, applies, and drift is 0;
the user's own column option (n_distinct) is still planned.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from creo_schema.db import connect
from creo_schema.shadow.cluster import SHADOW_SETTINGS, Cluster
from creo_schema.shadow.providers import home_dir
from tests.integration.cli import Project

UNPACKED = Path(os.environ.get("CREO_PG15_LATEST", "/opt/creo-schema/pg-15-latest"))
BIN_DIR = UNPACKED / "usr/lib/postgresql/15/bin"

TARGET = """
create table public.items (id bigint primary key, name text not null, qty int);
alter table public.items alter column qty set (n_distinct = 10);
insert into public.items select g, 'item ' || g, g % 7 from generate_series(1, 100) g;
create materialized view public.item_names as select name from public.items;
"""

SCHEMA = """
create table public.items (
  id bigint primary key,
  name text not null,
  qty int,
  note text
);
alter table public.items alter column qty set (n_distinct = 20);
create table public.orders (id bigint primary key, item_id bigint references public.items (id));
create materialized view public.item_names as select name from public.items;
"""


@pytest.fixture(scope="module")
def latest() -> Iterator[Cluster]:
    if not (BIN_DIR / "postgres").exists():
        reason = (
            f"Debian's newest PostgreSQL 15 is not unpacked in {UNPACKED}: run .ci/pg15_latest.sh"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="pg15-latest-", dir=home_dir()))
    folder.chmod(0o755)  # the server may run as another OS user
    cluster = Cluster(BIN_DIR, folder / "data", SHADOW_SETTINGS)
    try:
        cluster.ensure_running()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _target(cluster: Cluster, tmp_path: Path) -> Project:
    name = tmp_path.name.lower().replace("-", "_")[-60:]
    with connect(cluster.uri(), autocommit=True) as conn:
        conn.execute(f'create database "{name}"')  # type: ignore[arg-type]
    project = Project(tmp_path, cluster.uri(name))
    (tmp_path / "creo-schema.toml").write_text('platform = "none"\nshadow = "local"\n')
    project.execute(TARGET)
    return project


def test_the_servers_column_stamp_is_not_a_difference(latest: Cluster, tmp_path: Path) -> None:
    project = _target(latest, tmp_path)
    stamped = project.query(
        "select count(*) from pg_attribute, unnest(attoptions) o "
        "where attrelid in ('public.items'::regclass, 'public.item_names'::regclass) "
        "and o like 'pg_attver=%'"
    )
    # Without the stamp this test proves nothing: the unpacked package is not the one meant.
    assert stamped == [(4,)], f"{BIN_DIR} does not stamp columns with pg_attver"
    project.write("app.sql", SCHEMA)

    planned = project.run("plan")
    assert planned.exit_code == 0, planned.output + planned.stderr
    assert "alter table public.items alter column qty set (n_distinct=20);" in planned.output
    assert "reset (pg_attver)" not in planned.output
    warnings = [line for line in planned.output.splitlines() if "pg_attver" in line]
    assert warnings == [
        "warning: column option pg_attver on 4 columns of the target is the server's own "
        "stamp, not a setting of schema/: not compared"
    ], planned.output

    applied = project.run("apply", "--auto-approve")
    assert applied.exit_code == 0, applied.output + applied.stderr
    assert project.query("select count(*) from public.items") == [(100,)]

    drift = project.run("drift")
    assert drift.exit_code == 0, drift.output + drift.stderr
    assert "In sync" in drift.output
