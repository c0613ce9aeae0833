"""Shadow databases prepared at the same moment never collide (issue 12, item 10).

Roles belong to the cluster, not to a database: two sessions that create or alter the same
role at once fail (`tuple concurrently updated`, `role ... already exists`). Eight workers
here do at once what a plan does on its shadow server; they differ as two projects' plans
can: the platform (supabase, supabase-legacy) and the database their `--shadow URL` names
(any database of the server will do as the admin database).

Each test makes a cluster of its own, so the roles start out missing, and stops it at the
end; both major versions the platform runs are covered (`server`). It lives in the tests'
CREO_SCHEMA_HOME rather than tmp_path: a server run as another OS user (we may be root) loses
its data directory when a concurrent pytest session makes /tmp/pytest-of-root private again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from psycopg import sql

from creo_schema.db import connect
from creo_schema.platform import prelude_sql
from creo_schema.shadow.clone import copy_roles
from creo_schema.shadow.cluster import SHADOW_SETTINGS, Cluster
from creo_schema.shadow.providers import home_dir
from creo_schema.shadow.tempdb import TEMPLATE_PREFIX, ensure_template, temporary_database

WORKERS = 8
PLAN_PROCESSES = 4  # one per (admin database, platform): each is a whole Python process
ADMIN_DATABASES = ("postgres", "creo_other_admin")
PLATFORMS = ("supabase", "supabase-legacy")
TARGET_ROLES = [f"creo_concurrent_{n}" for n in range(12)]


@pytest.fixture
def fresh_cluster(server: Cluster) -> Iterator[Cluster]:
    """A new cluster of the server's major version: no platform role exists on it yet."""
    folder = Path(tempfile.mkdtemp(prefix="fresh-", dir=home_dir()))
    folder.chmod(0o755)  # the server may run as another OS user
    # A copy of a cluster initdb made once: initdb costs seconds, a copy a fraction of one.
    subprocess.run(["cp", "-a", str(_pristine(server.bin_dir)), str(folder)], check=True)
    cluster = Cluster(server.bin_dir, folder / "shadow", SHADOW_SETTINGS)
    try:
        cluster.ensure_running()
        with connect(cluster.uri(), autocommit=True) as conn:
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(ADMIN_DATABASES[1])))
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


_pristine_clusters: dict[Path, Path] = {}


def _pristine(bin_dir: Path) -> Path:
    """The data directory of a cluster of these binaries, made once, stopped, never changed
    (it goes with the tests' CREO_SCHEMA_HOME at the end of the session)."""
    if bin_dir not in _pristine_clusters:
        folder = Path(tempfile.mkdtemp(prefix="pristine-", dir=home_dir()))
        cluster = Cluster(bin_dir, folder / "shadow", SHADOW_SETTINGS)
        cluster.ensure_running()
        cluster.stop()
        _pristine_clusters[bin_dir] = cluster.pgdata
    return _pristine_clusters[bin_dir]


@pytest.fixture
def target_with_roles(server: Cluster) -> Iterator[Cluster]:
    """The session's server as a plan's target, holding roles no shadow has."""
    with connect(server.uri(), autocommit=True) as conn:
        for role in TARGET_ROLES:
            conn.execute(sql.SQL("create role {}").format(sql.Identifier(role)))
    try:
        yield server
    finally:
        with connect(server.uri(), autocommit=True) as conn:
            for role in TARGET_ROLES:
                conn.execute(sql.SQL("drop role if exists {}").format(sql.Identifier(role)))


def at_once(work: Callable[[int], object], workers: int = WORKERS) -> str:
    """Run work(0), work(1), ... in threads released together; their failures, one a line."""
    barrier = threading.Barrier(workers)

    def released(index: int) -> object:
        barrier.wait()
        return work(index)

    with ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(released, index) for index in range(workers)]
    failures = []
    for index, future in enumerate(futures):
        error = future.exception()
        if error is not None:
            first_line = (str(error).splitlines() or [""])[0]
            failures.append(f"worker {index}: {type(error).__name__}: {first_line}")
    return "\n".join(failures)


def admin_url(cluster: Cluster, worker: int) -> str:
    return cluster.uri(ADMIN_DATABASES[worker % 2])


def platform_of(worker: int) -> str:
    return PLATFORMS[worker // 2 % 2]


def prepare_shadow(cluster: Cluster, worker: int) -> None:
    """What a plan does first on its shadow: the template, then a database made from it."""
    admin = admin_url(cluster, worker)
    template = ensure_template(admin, prelude_sql(platform_of(worker)))
    with temporary_database(admin, template) as url, connect(url) as conn:
        loaded = conn.execute(
            "select to_regclass('auth.users') is not null,"
            " pg_has_role('authenticator', 'anon', 'member')"
        ).fetchone()
    assert loaded == (True, True)


def role_attributes(cluster: Cluster) -> dict[str, tuple[bool, ...]]:
    with connect(cluster.uri()) as conn:
        rows = conn.execute(
            "select rolname, rolcanlogin, rolinherit, rolbypassrls, rolsuper from pg_roles"
        ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def assert_platform_roles(cluster: Cluster) -> None:
    roles = role_attributes(cluster)
    assert roles["anon"] == (False, True, False, False)
    assert roles["service_role"] == (False, True, True, False)
    assert roles["authenticator"] == (True, False, False, False)
    assert roles["supabase_admin"] == (True, True, True, True)


def drop_templates(cluster: Cluster) -> None:
    with connect(cluster.uri(), autocommit=True) as conn:
        names = conn.execute(
            "select datname from pg_database where datname like %s", (TEMPLATE_PREFIX + "%",)
        ).fetchall()
        for (name,) in names:
            conn.execute(sql.SQL("drop database {}").format(sql.Identifier(name)))


def test_eight_shadows_at_once_on_a_fresh_cluster(fresh_cluster: Cluster) -> None:
    assert "anon" not in role_attributes(fresh_cluster)

    assert at_once(lambda worker: prepare_shadow(fresh_cluster, worker)) == ""

    assert_platform_roles(fresh_cluster)


def test_eight_shadows_at_once_where_the_roles_exist(fresh_cluster: Cluster) -> None:
    # The roles made the way the dev database makes them: the whole prelude, in a database.
    with connect(fresh_cluster.uri(), autocommit=True) as conn:
        conn.execute("create database creo")
    with connect(fresh_cluster.uri("creo"), autocommit=True) as conn:
        conn.execute(prelude_sql("supabase"))  # type: ignore[arg-type]
    assert_platform_roles(fresh_cluster)

    # Twice: the second time the templates are built again on roles set up by the first.
    for _ in range(2):
        drop_templates(fresh_cluster)
        assert at_once(lambda worker: prepare_shadow(fresh_cluster, worker)) == ""

    assert_platform_roles(fresh_cluster)


def test_copy_roles_from_eight_threads(fresh_cluster: Cluster, target_with_roles: Cluster) -> None:
    def copy(worker: int) -> None:
        with connect(target_with_roles.uri()) as target:
            copy_roles(target, admin_url(fresh_cluster, worker))

    assert at_once(copy) == ""

    assert set(TARGET_ROLES) <= set(role_attributes(fresh_cluster))


@pytest.mark.parametrize("server", ["pg18"], indirect=True)  # the threads above cover 15 too
def test_plans_at_once_through_the_command_line(
    fresh_cluster: Cluster, target_with_roles: Cluster, tmp_path: Path
) -> None:
    """`creo-schema plan` processes at once, sharing a fresh shadow server and one home."""
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "notes.sql").write_text(
        "create table public.notes (id bigint primary key, body text);\n"
        "alter table public.notes enable row level security;\n"
        "grant select on public.notes to authenticated;\n"
    )
    admin = target_with_roles.uri()
    # A URL shadow dumps the target with the pg_dump on PATH: the server's own, here.
    path = f"{target_with_roles.bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "CREO_SCHEMA_HOME": str(tmp_path / "home"), "PATH": path}
    with contextlib.ExitStack() as stack:
        # Each platform's plans target a database of that platform.
        targets = {
            platform: stack.enter_context(
                temporary_database(admin, ensure_template(admin, prelude_sql(platform)))
            )
            for platform in PLATFORMS
        }

        def plan(worker: int) -> None:
            platform = platform_of(worker)
            args = ["--schema-dir", str(schema), "--database-url", targets[platform]]
            args += ["--shadow", admin_url(fresh_cluster, worker), "--platform", platform]
            done = subprocess.run(
                [sys.executable, "-m", "creo_schema", *args, "plan"],
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            )
            assert done.returncode == 0, (done.stderr.strip().splitlines() or [""])[-1]
            assert "create table public.notes" in done.stdout

        assert at_once(plan, PLAN_PROCESSES) == ""
