"""Connections: the one place psycopg errors at connect time become `DatabaseError`.

Every URL that reaches a message goes through `redact_url` first.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from creo_schema.errors import DatabaseError, InputError
from creo_schema.urls import redact_text, redact_url

CONNECT_TIMEOUT_SECONDS = 10


def with_database(url: str, dbname: str) -> str:
    """The same server and credentials, another database."""
    return make_conninfo(url, dbname=dbname)


def acting_as(url: str, role: str | None) -> str:
    """The same connection, every session of which runs as `role` (`-c role=...` at start:
    even RESET ROLE comes back to it). The shadow stands for the target's applier this way,
    so that what a plan creates there has the owner it gets on the target."""
    if not role:
        return url
    escaped = role.replace("\\", "\\\\").replace(" ", "\\ ")
    return make_conninfo(url, options=f"-c role={escaped}")


def current_role(conn: Any) -> str:
    """Who `conn` acts as: the applier, on a target."""
    row = conn.execute("select current_user::text").fetchone()
    if not conn.autocommit:
        conn.rollback()
    return str(row[0])


def database_name(url: str) -> str:
    return str(conninfo_to_dict(url).get("dbname") or "")


def connect(url: str, *, autocommit: bool = False, application: str = "creo-schema") -> Any:
    """Open a connection, or raise one clear line that never shows the password."""
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise InputError(
            f"invalid database URL {redact_url(url)}: {redact_text(str(error), url)}",
            hint="expected postgresql://user:password@host:port/dbname",
        ) from None
    try:
        return psycopg.connect(
            url,
            autocommit=autocommit,
            connect_timeout=CONNECT_TIMEOUT_SECONDS,
            application_name=application,
        )
    except psycopg.Error as error:
        reason = " ".join(redact_text(str(error), url).split())
        raise DatabaseError(f"cannot connect to {redact_url(url)}: {reason}") from None


def server_major(conn: Any) -> int:
    return int(conn.info.server_version) // 10000
