"""`creo-schema dev`: the database a newcomer gets with nothing installed but the package.

It lives in a per-user data directory (see `shadow.providers.home_dir`), holds one database
`creo` with the platform prelude loaded, and is the target whenever no URL is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from creo_schema.db import connect, with_database
from creo_schema.errors import DatabaseError
from creo_schema.platform import prelude_sql
from creo_schema.shadow.cluster import Cluster
from creo_schema.shadow.providers import dev_cluster

DATABASE = "creo"


@dataclass(frozen=True)
class DevStatus:
    running: bool
    initialized: bool
    data_dir: str
    url: str | None


def status() -> DevStatus:
    cluster = dev_cluster()
    running = cluster.is_running()
    return DevStatus(
        running,
        cluster.is_initialized(),
        str(cluster.pgdata),
        cluster.uri(DATABASE) if running else None,
    )


def start(platform: str) -> str:
    """Start the dev cluster (initializing it the first time); return the database URL."""
    cluster = dev_cluster()
    cluster.ensure_running()
    _ensure_database(cluster, platform)
    return cluster.uri(DATABASE)


def stop() -> bool:
    return dev_cluster().stop()


def reset(platform: str) -> str:
    """Drop the dev database and make it anew, empty but for the platform prelude."""
    cluster = dev_cluster()
    cluster.ensure_running()
    with connect(cluster.uri(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(DATABASE))
        )
    _ensure_database(cluster, platform)
    return cluster.uri(DATABASE)


def _ensure_database(cluster: Cluster, platform: str) -> None:
    with connect(cluster.uri(), autocommit=True) as conn:
        if conn.execute("select 1 from pg_database where datname = %s", (DATABASE,)).fetchone():
            return
        conn.execute(sql.SQL("create database {}").format(sql.Identifier(DATABASE)))
    prelude = prelude_sql(platform)
    if prelude.strip():
        with connect(with_database(cluster.uri(), DATABASE), autocommit=True) as conn:
            try:
                conn.execute(prelude)
            except Exception as error:
                raise DatabaseError(
                    f"loading the platform prelude into the dev database failed: {error}"
                ) from error
