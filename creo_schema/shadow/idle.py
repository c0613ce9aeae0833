"""A shadow server stops itself after it has been idle for a while (`shadow_idle_stop`).

Design: each command that opens a local shadow cluster touches a marker file beside the
cluster (`<cluster>.idle`, holding the idle time in seconds: the latest run's setting
wins) and makes sure one watcher runs for that cluster. The watcher is a small detached
Python process (`python -m creo_schema.shadow.idle PGDATA BIN_DIR`, in a session of its
own, so it outlives the command that started it, and a ^C to that command does not reach
it). It holds an exclusive lock on `<cluster>.watch` so that there is one per cluster, and
polls: the cluster is in use while a client is connected or the marker was touched within
the idle time; once neither has happened for the idle time, it stops the server (a fast
shutdown: a shadow holds nothing worth keeping) and exits. It exits too when the server
stops by other means. Starting the server again starts a new watcher.

A PostgreSQL-side mechanism was the other choice, but a server cannot shut itself down from
SQL without a superuser-only program call, and `idle_session_timeout` ends sessions, not the
server; a process outside it can use `pg_ctl stop` like `dev stop` does.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

from creo_schema.shadow.cluster import Cluster

DEFAULT_IDLE_STOP_S = 15 * 60.0


def marker(cluster: Cluster) -> Path:
    return cluster.pgdata.parent / f"{cluster.pgdata.name}.idle"


def _watch_lock(cluster: Cluster) -> Path:
    return cluster.pgdata.parent / f"{cluster.pgdata.name}.watch"


def touch(cluster: Cluster, idle_stop_s: float) -> None:
    """Record a use of `cluster` now, and the idle time after which it may stop (0: never).
    Done before the server is started, so that a watcher about to stop it sees the use."""
    record_use(marker(cluster), idle_stop_s)


def record_use(path: Path, idle_stop_s: float) -> None:
    """Touch a marker (a cluster's, a container's) with the idle time it may stop after."""
    # A home this user cannot write loses the idle stop, not the command.
    with contextlib.suppress(OSError):
        path.write_text(f"{idle_stop_s:g}\n")


def ensure_watcher(cluster: Cluster, idle_stop_s: float) -> None:
    """Start the running cluster's watcher, unless one runs or it is never to stop."""
    if idle_stop_s > 0:
        with contextlib.suppress(OSError):
            if not watcher_running(cluster):
                _start_watcher(cluster)


def idle_stop_of(cluster: Cluster) -> float | None:
    """The idle time the last command recorded, None when no command recorded one."""
    return recorded_idle_stop(marker(cluster))


def recorded_idle_stop(path: Path) -> float | None:
    try:
        return float(path.read_text().strip())
    except (OSError, ValueError):
        return None


def last_used(cluster: Cluster) -> float | None:
    return recorded_use(marker(cluster))


def recorded_use(path: Path) -> float | None:
    with contextlib.suppress(OSError):
        return path.stat().st_mtime
    return None


def watcher_running(cluster: Cluster) -> bool:
    """Whether a watcher holds the cluster's lock (tried, and released at once if free)."""
    return lock_held(_watch_lock(cluster))


def lock_held(path: Path) -> bool:
    """Whether a process holds the lock on `path` (tried, and released at once if free)."""
    if not path.exists():
        return False
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def _start_watcher(cluster: Cluster) -> None:
    subprocess.Popen(
        [
            sys.executable,
            "-m",
            "creo_schema.shadow.idle",
            str(cluster.pgdata),
            str(cluster.bin_dir),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
        cwd="/",
    )


def watch(cluster: Cluster) -> str:
    """Run until the cluster is stopped, by us when idle or by anyone; say which."""
    with open(_watch_lock(cluster), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return "another watcher"
        seen = time.time()
        while True:
            time.sleep(poll_interval(idle_stop_of(cluster)))
            if not cluster.is_running():
                return "stopped by someone else"
            if _clients(cluster) > 0:
                seen = time.time()
            if _idle(cluster, seen):
                # Under the start lock, checked again: a command that touched the marker
                # meanwhile keeps the server, one that comes after starts it anew.
                with cluster.start_lock():
                    if _idle(cluster, seen):
                        cluster.stop()
                        return "stopped when idle"


def _idle(cluster: Cluster, seen: float) -> bool:
    return idle_long_enough(time.time(), idle_stop_of(cluster), last_used(cluster), seen)


def idle_long_enough(
    now: float, idle_stop_s: float | None, last_used: float | None, client_seen: float
) -> bool:
    """Whether a shadow server (a local cluster or a container) may stop: neither a command
    (`last_used`, the marker's time) nor a client connection (`client_seen`) for the idle
    time the last command recorded (`idle_stop_s`; None: the default; 0: never)."""
    idle_stop = DEFAULT_IDLE_STOP_S if idle_stop_s is None else idle_stop_s
    used = max(client_seen, last_used or 0.0)
    return idle_stop > 0 and now - used >= idle_stop


def poll_interval(idle_stop_s: float | None) -> float:
    """How often a watcher looks: a quarter of the idle time, between 0.2 and 5 s."""
    idle_stop = idle_stop_s or DEFAULT_IDLE_STOP_S
    return min(5.0, max(0.2, idle_stop / 4))


def _clients(cluster: Cluster) -> int:
    return client_connections(cluster.uri())


def client_connections(url: str) -> int:
    """Client connections to the server at `url` besides ours (a plan's, a test's); an
    unreachable server counts as busy, so that a server still starting or refusing is not
    stopped by a watcher."""
    from creo_schema.db import connect

    try:
        with connect(url, autocommit=True, application="creo-schema idle watch") as conn:
            row = conn.execute(
                "select count(*) from pg_catalog.pg_stat_activity"
                " where backend_type = 'client backend' and pid <> pg_backend_pid()"
            ).fetchone()
    except Exception:
        return 1
    return int(row[0]) if row else 1


def main(argv: list[str]) -> None:
    pgdata, bin_dir = (Path(arg) for arg in argv[1:3])
    os.nice(5)  # a background chore: never slow the commands it watches
    watch(Cluster(bin_dir, pgdata))


if __name__ == "__main__":
    main(sys.argv)
