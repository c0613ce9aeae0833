"""Temporary databases on a shadow server, made from a template that holds the prelude.

Loading the platform prelude costs more than copying a database, so each server keeps one
template per prelude text (its hash in the name); every shadow is a `CREATE DATABASE ...
TEMPLATE` of it, dropped when done. Names carry a prefix so that leftovers of a killed
process are recognisable and removed.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from psycopg import sql

from creo_schema import __version__
from creo_schema.db import connect, with_database
from creo_schema.errors import DatabaseError

PREFIX = "creo_shadow_"
TEMPLATE_PREFIX = "creo_template_"


def template_name(prelude: str) -> str:
    digest = hashlib.sha256(f"{__version__}\n{prelude}".encode()).hexdigest()[:12]
    return f"{TEMPLATE_PREFIX}{digest}"


def ensure_template(admin_url: str, prelude: str) -> str:
    """Create the template database for this prelude once per server; return its name."""
    name = template_name(prelude)
    with connect(admin_url, autocommit=True) as conn:
        # One process builds it; the others wait on the lock and then find it.
        conn.execute("select pg_advisory_lock(hashtext('creo_schema_template'))")
        try:
            exists = conn.execute(
                "select 1 from pg_database where datname = %s", (name,)
            ).fetchone()
            if exists:
                return name
            building = f"{name}_building"
            conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(building)))
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(building)))
            if prelude.strip():
                with connect(with_database(admin_url, building), autocommit=True) as tconn:
                    try:
                        tconn.execute(prelude)  # type: ignore[arg-type]  # trusted package data
                    except Exception as error:
                        raise DatabaseError(
                            f"loading the platform prelude failed: {error}"
                        ) from error
            conn.execute(
                sql.SQL("alter database {} rename to {}").format(
                    sql.Identifier(building), sql.Identifier(name)
                )
            )
            return name
        finally:
            conn.execute("select pg_advisory_unlock(hashtext('creo_schema_template'))")


@contextmanager
def temporary_database(
    admin_url: str, template: str | None = None, *, keep: bool = False
) -> Iterator[str]:
    """A fresh database (a copy of `template` if given); yields its URL, drops it afterwards."""
    name = f"{PREFIX}{os.getpid()}_{secrets.token_hex(4)}"
    create = sql.SQL("create database {}").format(sql.Identifier(name))
    if template:
        create = sql.SQL("create database {} template {}").format(
            sql.Identifier(name), sql.Identifier(template)
        )
    with connect(admin_url, autocommit=True) as conn:
        conn.execute(create)
    try:
        yield with_database(admin_url, name)
    finally:
        if not keep:
            drop_database(admin_url, name)


def drop_database(admin_url: str, name: str) -> None:
    with connect(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
        )


def drop_leftovers(admin_url: str) -> list[str]:
    """Drop shadow databases whose creating process is gone (a killed plan leaves them)."""
    dropped = []
    with connect(admin_url, autocommit=True) as conn:
        rows = conn.execute(
            "select datname from pg_database where datname like %s", (PREFIX + "%",)
        ).fetchall()
    for (name,) in rows:
        pid = name[len(PREFIX) :].split("_")[0]
        if pid.isdigit() and not _process_alive(int(pid)):
            drop_database(admin_url, name)
            dropped.append(name)
    return dropped


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
