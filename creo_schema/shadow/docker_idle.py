"""The docker shadow container stops itself after `shadow_idle_stop`, as the local clusters
do (shadow/idle.py).

Each command that uses the container touches a marker in the creo-schema home
(`<container name>.idle`, holding the idle time: the latest run's setting wins) and makes
sure one watcher runs for it: a detached `python -m creo_schema.shadow.docker_idle HOME
NAME`, holding a lock on `<name>.watch`. The watcher asks the Docker engine (docker-py, the
client testcontainers uses) for the container by its label, counts the client connections
to its PostgreSQL, and once neither a command nor a client has used it for the idle time,
stops the container. Its data stays: the next command starts it again (docker.py). The
watcher exits when the container is stopped or removed by other means, or the engine stops
answering.

The decisions are plain functions, tested without an engine: which container is the watched
one (`watched_container`) and whether it has been idle long enough
(`idle.idle_long_enough`, shared with the local clusters). The process around them is tested
against a live engine (tests/cli/test_docker_shadow.py, in CI).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from creo_schema.errors import CreoError
from creo_schema.shadow import idle
from creo_schema.shadow.cluster import file_lock
from creo_schema.shadow.docker import (
    LABEL,
    Container,
    DockerClient,
    container_url,
    password_of,
)


@dataclass(frozen=True)
class ContainerFacts:
    """What the engine says of one container, enough to tell the watched one."""

    id: str
    label: str | None  # the value of the shadow label: the container's name for this tool
    status: str  # created, running, paused, restarting, exited, dead


def watched_container(found: Iterable[ContainerFacts], name: str) -> ContainerFacts | None:
    """The running container labelled `name`, None when it is stopped or gone (the watch is
    over). A container labelled with another name (another image) has a watcher of its own;
    a paused one is someone's doing, and left alone."""
    for facts in found:
        if facts.label == name and facts.status == "running":
            return facts
    return None


def marker(home: Path, name: str) -> Path:
    return home / f"{name}.idle"


def _watch_lock(home: Path, name: str) -> Path:
    return home / f"{name}.watch"


@contextmanager
def start_lock(home: Path, name: str) -> Iterator[None]:
    """Held while a command finds or starts the container, and while the watcher stops it:
    a command that touched the marker first keeps it running; one after starts it again."""
    with file_lock(home / f".{name}.lock"):
        yield


def touch(home: Path, name: str, idle_stop_s: float) -> None:
    idle.record_use(marker(home, name), idle_stop_s)


def idle_stop_of(home: Path, name: str) -> float | None:
    return idle.recorded_idle_stop(marker(home, name))


def last_used(home: Path, name: str) -> float | None:
    return idle.recorded_use(marker(home, name))


def watcher_running(home: Path, name: str) -> bool:
    return idle.lock_held(_watch_lock(home, name))


def ensure_watcher(home: Path, name: str, idle_stop_s: float) -> None:
    """Start the container's watcher, unless one runs or it is never to stop."""
    if idle_stop_s > 0:
        with contextlib.suppress(OSError):
            if not watcher_running(home, name):
                subprocess.Popen(
                    [sys.executable, "-m", "creo_schema.shadow.docker_idle", str(home), name],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                    close_fds=True,
                    cwd="/",
                )


def watch(home: Path, name: str) -> str:
    """Run until the container is stopped, by us when idle or by anyone; say which."""
    try:
        import docker

        client: DockerClient = docker.from_env()
    except Exception:  # no docker package, or no engine: nothing to watch
        return "no engine"
    with open(_watch_lock(home, name), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return "another watcher"
        seen = time.time()
        while True:
            time.sleep(idle.poll_interval(idle_stop_of(home, name)))
            try:
                container = _running(client, name)
                if container is None:
                    return "stopped by someone else"
                if _clients(container, home, name) > 0:
                    seen = time.time()
                if _idle(home, name, seen):
                    with start_lock(home, name):
                        container = _running(client, name)
                        if container is not None and _idle(home, name, seen):
                            container.stop(timeout=10)
                            return "stopped when idle"
            except CreoError:
                continue  # the start lock was held long (an image pulled): look again
            except Exception:  # the engine stopped answering
                return "engine gone"


def _idle(home: Path, name: str, seen: float) -> bool:
    return idle.idle_long_enough(time.time(), idle_stop_of(home, name), last_used(home, name), seen)


def _running(client: DockerClient, name: str) -> Container | None:
    labelled = client.containers.list(all=True, filters={"label": f"{LABEL}={name}"})
    found = {c.id: c for c in labelled}
    facts = [ContainerFacts(c.id, c.labels.get(LABEL), c.status) for c in found.values()]
    chosen = watched_container(facts, name)
    return found[chosen.id] if chosen else None


def _clients(container: Container, home: Path, name: str) -> int:
    """Client connections besides ours; a container whose URL cannot be made counts as busy."""
    try:
        url = container_url(container, password_of(home, name))
    except Exception:
        return 1
    return idle.client_connections(url)


def main(argv: list[str]) -> None:
    home, name = Path(argv[1]), argv[2]
    os.nice(5)  # a background chore: never slow the commands it watches
    watch(home, name)


if __name__ == "__main__":
    main(sys.argv)
