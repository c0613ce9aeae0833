"""Real PostgreSQL for the tests: one server per major version per session, a fresh
database per test.

PostgreSQL 18 is the embedded wheel's; PostgreSQL 15 is the machine's (Debian's
postgresql-15, run by the `local` provider as an unprivileged user). Every cluster lives in a
temporary CREO_SCHEMA_HOME, so the tests never touch a developer's own dev database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def _fast_dir() -> str | None:
    """A RAM-backed directory for the test clusters, when the machine has a roomy one.

    A scenario creates and drops a few databases (hundreds of small files each); on this
    machine's ext4 (mounted with `discard`) each file costs 0.3-1.8 ms to create or unlink,
    on tmpfs 0.02 ms. What lives there is thrown away at the end of the session anyway.
    """
    shm = Path("/dev/shm")
    try:
        stats = os.statvfs(shm)
    except OSError:
        return None
    roomy = stats.f_bavail * stats.f_frsize >= 4 * 2**30
    return str(shm) if roomy and os.access(shm, os.W_OK) else None


_HOME = Path(tempfile.mkdtemp(prefix="creo-schema-tests-", dir=_fast_dir()))
os.environ["CREO_SCHEMA_HOME"] = str(_HOME)
os.environ.pop("DATABASE_URL", None)

from creo_schema.db import connect, with_database  # noqa: E402
from creo_schema.platform import prelude_sql  # noqa: E402
from creo_schema.shadow.cluster import Cluster  # noqa: E402
from creo_schema.shadow.providers import (  # noqa: E402
    dev_cluster,
    home_dir,
    local_bin_dirs,
    shadow_cluster,
)
from creo_schema.shadow.tempdb import ensure_template, temporary_database  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = {"pg18": ("embedded", None), "pg15": ("local", 15)}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the scenario corpus's golden files (up.sql, down.sql, hazards) from "
        "what the tool does now; review the diff before committing",
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    hosted = [h.cluster for h in _hosted.values()]
    for cluster in [*_started.values(), *hosted, dev_cluster()]:
        cluster.stop()
    _remove_docker_shadows()
    shutil.rmtree(_HOME, ignore_errors=True)


def _remove_docker_shadows() -> None:
    """The docker shadow containers of this session's home (tests/cli/test_docker_shadow.py)
    go with it: nothing could reach them again. None where no Docker engine answers."""
    from creo_schema.shadow.docker import shadow_containers

    for container in shadow_containers(home_dir()):
        with contextlib.suppress(Exception):
            container.remove(force=True)


_started: dict[str, Cluster] = {}


def _cluster(version: str) -> Cluster:
    if version not in _started:
        provider, major = VERSIONS[version]
        if version == "pg15" and 15 not in local_bin_dirs():
            pytest.fail("PostgreSQL 15 binaries are missing: apt-get install postgresql-15")
        cluster = shadow_cluster(provider, major)
        cluster.ensure_running()
        _started[version] = cluster
    return _started[version]


@pytest.fixture(scope="session")
def pg18() -> Cluster:
    return _cluster("pg18")


@pytest.fixture(scope="session")
def pg15() -> Cluster:
    return _cluster("pg15")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked `min_server(18)` (a scenario of PostgreSQL 18's own syntax, such as
    NOT ENFORCED) is not collected for the older `server`: it could only fail to load there;
    one marked `only_server(15)` is collected for that major alone (what only 15 refuses).
    The server is the `server` fixture's parameter, or a module's own `servers`."""
    kept, left_out = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        name = (spec.params.get("server") or spec.params.get("servers")) if spec else None
        major = int(str(name).removeprefix("pg")) if name else None
        least = item.get_closest_marker("min_server")
        only = item.get_closest_marker("only_server")
        if major is not None and (
            (least and major < least.args[0]) or (only and major != only.args[0])
        ):
            left_out.append(item)
        else:
            kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(params=["pg18", "pg15"])
def server(request: pytest.FixtureRequest) -> Cluster:
    """Both major versions: a test taking `server` runs once on each."""
    return _cluster(request.param)


DbFactory = Callable[..., str]


@pytest.fixture
def make_db(pg18: Cluster) -> Iterator[DbFactory]:
    """Factory of fresh databases, dropped after the test.

    make_db() -> an empty database on PG 18 with the Supabase prelude;
    make_db(platform="none", cluster=pg15) for the others.
    """
    with _DatabaseStack(pg18) as stack:
        yield stack.make


@pytest.fixture
def fresh_db(make_db: DbFactory) -> str:
    """One fresh PG 18 database with the Supabase prelude loaded."""
    return make_db()


class _DatabaseStack:
    def __init__(self, default: Cluster) -> None:
        self.default = default
        self._open: list = []

    def make(self, platform: str = "supabase", cluster: Cluster | None = None) -> str:
        cluster = cluster or self.default
        admin = cluster.uri()
        template = ensure_template(admin, prelude_sql(platform)) if platform != "none" else None
        context = temporary_database(admin, template)
        url = context.__enter__()
        self._open.append(context)
        return url

    def __enter__(self) -> _DatabaseStack:
        return self

    def __exit__(self, *exc: object) -> None:
        for context in reversed(self._open):
            context.__exit__(None, None, None)


__all__ = ["ROOT", "connect", "with_database"]


# -- clusters laid out like managed hosts (tests/hosted.py) ----------------------------------

_hosted: dict[str, Any] = {}


def _hosted_cluster(kind: str) -> Any:
    from tests.hosted import start_hosted

    if kind not in _hosted:
        bin_dir = _cluster("pg18" if kind == "supabase" else "pg15").bin_dir
        _hosted[kind] = start_hosted(kind, bin_dir, _HOME)
    return _hosted[kind]


@pytest.fixture
def supabase_like() -> Iterator[Any]:
    """PostgreSQL 18 as Supabase lays it out: `postgres` applies and is no superuser."""
    hosted = _hosted_cluster("supabase")
    try:
        yield hosted
    finally:
        hosted.close()


@pytest.fixture
def rds_like() -> Iterator[Any]:
    """PostgreSQL 15 as Amazon RDS lays it out: the master user applies, no superuser."""
    hosted = _hosted_cluster("rds")
    try:
        yield hosted
    finally:
        hosted.close()
