"""The `docker` shadow provider: a PostgreSQL container, started with testcontainers and
kept for the next runs (as the local clusters are), found again by its label.

`--shadow docker` runs the official `postgres:<target's major>` image; `docker:IMAGE` any
other, such as the platform's own `supabase/postgres:<tag>`. The container listens on
127.0.0.1 only, with a password kept in the creo-schema home (0600), so that reusing it
needs nothing but that file. testcontainers' reaper (which removes containers when the
process ends) is turned off for it: reuse is the point. A watcher stops the container after
`shadow_idle_stop` without use (shadow/docker_idle.py).

One container per image per creo-schema home: its name carries a digest of the home's path,
and a label the path itself. Processes sharing a home share the container (found or started
under the home's lock, the password made once under it); another home (another user, a
second checkout's `CREO_SCHEMA_HOME`, each pytest-xdist worker) has its own, whose password
it holds, and `shadow status|stop` see this home's containers only.

Tested against a live engine (Debian's docker.io) in CI: tests/cli/test_docker_shadow.py.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import secrets
import socket
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlparse

from creo_schema.errors import DatabaseError, InputError
from creo_schema.shadow.idle import DEFAULT_IDLE_STOP_S

LABEL = "dev.creo-schema.shadow"  # value: the container's name
HOME_LABEL = "dev.creo-schema.home"  # value: the creo-schema home it belongs to
DEFAULT_SOCKET = "/var/run/docker.sock"


class Container(Protocol):
    """What creo-schema uses of a docker-py container (docker-py has no type hints)."""

    id: str
    short_id: str
    name: str
    status: str  # created, running, paused, restarting, exited, dead
    labels: dict[str, str]
    attrs: dict[str, Any]  # the engine's inspection, as JSON

    def start(self) -> None: ...
    def stop(self, *, timeout: int = ...) -> None: ...
    def reload(self) -> None: ...
    def remove(self, *, force: bool = ...) -> None: ...


class _Containers(Protocol):
    def list(self, *, all: bool, filters: dict[str, str | list[str]]) -> Sequence[Container]: ...


class DockerClient(Protocol):
    """What creo-schema uses of docker-py's client (`docker.from_env()`)."""

    containers: _Containers


def engine_address() -> str:
    return os.environ.get("DOCKER_HOST") or f"unix://{DEFAULT_SOCKET}"


def engine_answers(address: str | None = None, timeout: float = 2.0) -> bool:
    """Whether a Docker engine answers `GET /_ping` at `address` (unix:// or tcp://)."""
    where = urlparse(address or engine_address())
    try:
        if where.scheme == "unix":
            conn: http.client.HTTPConnection = _UnixConnection(where.path, timeout)
        elif where.scheme in ("tcp", "http"):
            conn = http.client.HTTPConnection(
                where.hostname or "", where.port or 2375, timeout=timeout
            )
        else:
            return False
        conn.request("GET", "/_ping")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def image_for(choice: str, major: int) -> str:
    """`docker` -> the official image of the target's major; `docker:IMAGE` -> IMAGE."""
    _, _, image = choice.partition(":")
    return image or f"postgres:{major}"


def container_name(image: str, home: Path) -> str:
    """The container's name, and the value of its label: one container per image per home
    (the home's path digested, so that the name stays short and valid)."""
    digest = hashlib.sha256(str(home).encode()).hexdigest()[:10]
    return f"creo-schema-shadow-{re.sub(r'[^a-zA-Z0-9_.-]', '-', image)}-{digest}"


def docker_shadow(
    choice: str, major: int, home: Path, idle_stop_s: float = DEFAULT_IDLE_STOP_S
) -> str:
    """The admin URL of the shadow container for `choice`, started (or restarted) if need
    be; it stops itself after `idle_stop_s` seconds without use (0: never). Exit 2 when no
    engine answers or testcontainers is missing; 3 when the engine cannot start it."""
    from creo_schema.shadow import docker_idle

    address = engine_address()
    if not engine_answers(address):
        raise InputError(
            f"shadow provider 'docker': no Docker engine answers at {address}",
            hint="start Docker (or set DOCKER_HOST), or use --shadow embedded|local|URL",
        )
    try:
        import docker
    except ImportError:
        raise InputError(
            "shadow provider 'docker' needs testcontainers and the docker package",
            hint="pip install 'testcontainers[postgres]>=4.14,<4.16'",
        ) from None
    image = image_for(choice, major)
    name = container_name(image, home)
    home.mkdir(parents=True, exist_ok=True)
    client: DockerClient = docker.from_env()
    # A use recorded first, under the lock the watcher stops it under: a container about to
    # be stopped as idle is kept, or started again.
    with docker_idle.start_lock(home, name):
        docker_idle.touch(home, name, idle_stop_s)
        password, made = _password(home, name)
        try:
            found = client.containers.list(all=True, filters={"label": f"{LABEL}={name}"})
            if found and made:  # a home made anew: the old container's password is gone
                found[0].remove(force=True)
                found = []
            container = found[0] if found else _start(image, name, home, password)
            if container.status != "running":
                container.start()
            container.reload()
        except (docker.errors.DockerException, TimeoutError) as error:  # not ready in time
            raise DatabaseError(
                f"the docker shadow {name} ({image}) could not be started: {_reason(error)}",
                hint="check that the image exists or can be pulled (docker pull "
                f"{image}), or pick another with --shadow docker:IMAGE",
            ) from None
    url = container_url(container, password)
    _wait_ready(url)
    docker_idle.ensure_watcher(home, name, idle_stop_s)
    return url


def _reason(error: Exception) -> str:
    """The engine's explanation, on one line."""
    explanation = getattr(error, "explanation", None)
    text = explanation.decode() if isinstance(explanation, bytes) else explanation
    return " ".join(str(text or error).split())


def container_url(container: Container, password: str) -> str:
    """The admin URL of a running shadow container (its port published on 127.0.0.1)."""
    port = container.attrs["NetworkSettings"]["Ports"]["5432/tcp"][0]["HostPort"]
    return f"postgresql://postgres:{quote(password, safe='')}@127.0.0.1:{port}/postgres"


def password_of(home: Path, name: str) -> str:
    """The password the container was made with (OSError when its file is gone)."""
    return (home / f"{name}.password").read_text().strip()


def _password(home: Path, name: str) -> tuple[str, bool]:
    """The container's password, and whether it was made just now (0600, made at most
    once: called under the start lock, and created exclusively all the same)."""
    path = home / f"{name}.password"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip(), False
    password = secrets.token_urlsafe(24)
    with os.fdopen(fd, "w") as handle:
        handle.write(password)
    return password, True


def _start(image: str, name: str, home: Path, password: str) -> Container:
    # testcontainers 4.15 is typed (py.typed), 4.14 not: pyproject's mypy overrides hold
    # for both.
    from testcontainers.core.config import testcontainers_config

    try:
        from testcontainers.community.postgres import PostgresContainer
    except ImportError:  # testcontainers 4.14: the module's place before 4.15
        from testcontainers.postgres import PostgresContainer

    testcontainers_config.ryuk_disabled = True  # kept for the next run, not reaped at exit
    container = PostgresContainer(
        image,
        username="postgres",
        password=password,
        dbname="postgres",
        driver=None,
        name=name,
        labels={LABEL: name, HOME_LABEL: str(home)},
        # As the local shadows (shadow/cluster.py SHADOW_SETTINGS): no replication worker for
        # the subscriptions a plan enables in the shadow.
        command="postgres -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        " -c max_locks_per_transaction=1024 -c max_logical_replication_workers=0",
    )
    # A throwaway cluster: nothing synced to disk (initdb alone took 3 s of a 7 s start).
    container.with_env("POSTGRES_INITDB_ARGS", "--no-sync")
    # Published on 127.0.0.1 only, on a free port: docker-py's (host address, port) form,
    # set on `ports`, which testcontainers 4.14 and 4.15 both hand to docker-py as it is.
    # `with_bind_ports` took that form through 4.14; 4.15 takes a port number only there (a
    # tuple fails, and a number alone publishes on every address). 4.15 annotates `ports`
    # with port numbers only, which is what it takes, not what it hands on: Any says so.
    published: dict[str, Any] = {"5432/tcp": ("127.0.0.1", None)}
    container.ports = published
    container.start()
    wrapped: Container = container.get_wrapped_container()
    return wrapped


def _wait_ready(url: str, seconds: float = 60) -> None:
    from creo_schema.db import connect
    from creo_schema.errors import CreoError

    deadline = time.monotonic() + seconds
    while True:
        try:
            with connect(url, autocommit=True) as conn:
                conn.execute("select 1")
                return
        except CreoError as error:
            if time.monotonic() > deadline:
                raise DatabaseError(
                    f"the docker shadow did not accept connections: {error.message}"
                ) from None
            time.sleep(0.5)


def shadow_containers(home: Path) -> list[Container]:
    """The shadow containers of the creo-schema home `home` (by label), running or not;
    none when no engine answers or testcontainers is missing."""
    if not engine_answers():
        return []
    try:
        import docker
    except ImportError:
        return []
    client: DockerClient = docker.from_env()
    found = client.containers.list(all=True, filters={"label": [LABEL, f"{HOME_LABEL}={home}"]})
    return list(found)
