"""A declared subscription really replicates (issue 23): planned, applied, rows arrive from
the publisher; dropped once undeclared, its slot gone from the publisher too.

Publisher and subscriber are two databases of one PostgreSQL 18 cluster with
`wal_level = logical`, started for this module (the shadows start no replication worker).
A subscription to its own cluster cannot make its slot in the same command (CREATE
SUBSCRIPTION would wait on its own transaction): the slot is made beforehand on the
publisher, and schema/ says `create_slot = false`, as PostgreSQL's documentation says to.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict

from creo_schema.db import connect
from creo_schema.shadow.cluster import PORT, SHADOW_SETTINGS, Cluster
from creo_schema.shadow.providers import embedded_bin_dir, home_dir
from creo_schema.shadow.tempdb import temporary_database
from tests.integration.cli import LINTS_OFF, Project

ORDERS = "create table public.orders (id bigint primary key, total integer not null);\n"
FEED = (
    "create subscription feed connection '' publication orders_pub\n  with (create_slot = false);\n"
)


@pytest.fixture(scope="module")
def logical() -> Iterator[Cluster]:
    settings = {**SHADOW_SETTINGS, "wal_level": "logical", "max_logical_replication_workers": "4"}
    cluster = Cluster(embedded_bin_dir(), home_dir() / "logical-18", settings)
    cluster.ensure_running()
    try:
        yield cluster
    finally:
        cluster.destroy()


def _wait_for(url: str, query: str, expected: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    with connect(url, autocommit=True) as conn:
        while True:
            found = conn.execute(query).fetchone()[0]  # type: ignore[index]
            if found == expected:
                return
            assert time.monotonic() < deadline, f"{query}: {found!r}, waited for {expected!r}"
            time.sleep(0.1)


def test_a_declared_subscription_replicates_and_its_drop_drops_the_slot(
    logical: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = logical.uri()
    with temporary_database(admin) as publisher, temporary_database(admin) as subscriber:
        with connect(publisher, autocommit=True) as conn:
            conn.execute(ORDERS)
            conn.execute("insert into public.orders values (1, 10), (2, 20)")
            conn.execute("create publication orders_pub for table public.orders")
            conn.execute("select pg_create_logical_replication_slot('feed', 'pgoutput')")
        database = conninfo_to_dict(publisher)["dbname"]
        monkeypatch.setenv(
            "FEED_URL", f"host={logical.socket_dir} port={PORT} dbname={database} user=postgres"
        )
        monkeypatch.chdir(tmp_path)
        (tmp_path / "creo-schema.toml").write_text(
            f'{LINTS_OFF}platform = "none"\nbackup_before_apply = false\n'
            '[subscriptions.feed]\nconninfo_env = "FEED_URL"\n'
        )
        project = Project(tmp_path, subscriber)
        project.write("orders.sql", ORDERS + FEED)
        plan_file = tmp_path / "plan.json"
        made = project.run("plan", "--out", str(plan_file))
        assert made.exit_code == 0, made.output
        assert "replicates_data" in made.output
        applied = project.run("apply", str(plan_file), "--auto-approve")
        assert applied.exit_code == 0, applied.output

        # The rows the table held are copied, and what changes next is applied.
        _wait_for(subscriber, "select count(*) from public.orders", 2)
        with connect(publisher, autocommit=True) as conn:
            conn.execute("insert into public.orders values (3, 30)")
        _wait_for(subscriber, "select coalesce(sum(total), 0) from public.orders", 60)
        assert project.run("drift").exit_code == 0

        # Undeclared: disabled in the main transaction, then dropped with its slot.
        project.write("orders.sql", ORDERS)
        allow = ("--allow-hazard", "stops_replication")
        made = project.run("plan", "--format", "json", "--out", str(plan_file), *allow)
        assert made.exit_code == 0, made.output
        statements = json.loads(plan_file.read_text())["statements"]
        assert [(s["sql"], s["phase"]) for s in statements] == [
            ("alter subscription feed disable", "main"),
            ("drop subscription feed", "concurrent"),
        ]
        dropped = project.run("apply", str(plan_file), "--auto-approve", *allow)
        assert dropped.exit_code == 0, dropped.output
        _wait_for(
            publisher, "select count(*) from pg_replication_slots where slot_name = 'feed'", 0
        )
