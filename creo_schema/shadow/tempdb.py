"""Temporary databases on a shadow server, made from a template that holds the prelude.

Loading the platform prelude costs more than copying a database, so each server keeps one
template per prelude text (its hash in the name); every shadow is a `CREATE DATABASE ...
TEMPLATE` of it, dropped when done. Names carry a prefix so that leftovers of a killed
process are recognisable and removed.

The desired state a plan loaded is kept too, named after the plan cache's key
(`keep_desired`): verification borrows it (`borrowed_desired`) instead of loading the
target's schema again. Only the newest few are kept.

Several plans (or test processes) share a shadow server, each naming it by whichever
database its admin URL names. What they change in common (the template, the kept desired
states, and the roles, which belong to the cluster and not to a database) is changed under
an advisory lock taken in the server's maintenance database (`cluster_lock`): an advisory lock
belongs to the database it is taken in, so one taken in the admin URL's database would not
exclude a plan whose URL names another.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from creo_schema import __version__
from creo_schema.db import Connection, connect, kept_open, one_row, with_database
from creo_schema.errors import DatabaseError
from creo_schema.platform import MARKED_ROLE, split_prelude

MAINTENANCE_DATABASE = "postgres"  # on every server (initdb makes it), whatever the admin URL
# The key the template alone was built under before the roles were split out: older versions
# taking it in `postgres` and this one still exclude each other.
SETUP_LOCK = "creo_schema_template"
DESIRED_LOCK = "creo_schema_desired"
PREFIX = "creo_shadow_"
TEMPLATE_PREFIX = "creo_template_"
DESIRED_PREFIX = "creo_desired_"
KEEP_DESIRED = 3  # a desired state is a whole database: keep the newest few only


def template_name(prelude: str) -> str:
    digest = hashlib.sha256(f"{__version__}\n{prelude}".encode()).hexdigest()[:12]
    return f"{TEMPLATE_PREFIX}{digest}"


def ensure_template(admin_url: str, prelude: str) -> str:
    """Set up the prelude's roles and create the template database for this prelude, each
    once per server; return the template's name."""
    name = template_name(prelude)
    roles, per_database = split_prelude(prelude)
    marker = _roles_marker(roles)
    with connect(_maintenance(admin_url), autocommit=True) as conn:
        # Done before (the common case): both are only ever seen whole, so no lock is needed.
        exists, recorded = _setup_state(conn, name)
        if exists and marker in (None, recorded):
            return name
        # One process sets up and builds; the others wait on the lock and then find it done.
        with _advisory_lock(conn, SETUP_LOCK):
            exists, recorded = _setup_state(conn, name)
            if marker not in (None, recorded):
                _set_up_roles(conn, roles, marker)
            if not exists:
                _build_template(conn, admin_url, name, per_database)
    return name


@contextmanager
def cluster_lock(admin_url: str, key: str = SETUP_LOCK) -> Iterator[Any]:
    """A connection to the server's maintenance database that holds the advisory lock `key`
    (the default is the one for roles and templates), released when the block ends."""
    with connect(_maintenance(admin_url), autocommit=True) as conn, _advisory_lock(conn, key):
        yield conn


def ensure_roles(admin_url: str, names: Iterable[str], superusers: Iterable[str] = ()) -> None:
    """Create on the shadow server, NOLOGIN and without any other attribute, each of `names`
    it does not have yet (the roles schema/ names, the target's for a copy of it); each of
    `superusers` is made a superuser too (NOLOGIN): the role a plan is proven as, which
    stands for the target's applier, and the target's superusers, which own what only a
    superuser may own (event triggers).

    Roles belong to the whole server, which other plans share: they are created under the
    lock that also guards the platform's roles, and one that exists already, made by anyone,
    is left as it is (but for being made a superuser). When all exist (the common case), no
    lock is taken.
    """
    supers = sorted(set(superusers))
    wanted = sorted(set(names) | set(supers))
    if not wanted:
        return
    with connect(_maintenance(admin_url), autocommit=True) as conn:
        if not _missing_roles(conn, wanted, supers):
            return
        with _advisory_lock(conn, SETUP_LOCK):
            for name in _missing_roles(conn, wanted, supers):
                # A creator that does not take the lock (an older version) may have made it.
                with contextlib.suppress(
                    psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation
                ):
                    conn.execute(sql.SQL("create role {} nologin").format(sql.Identifier(name)))
                if name in supers:
                    conn.execute(sql.SQL("alter role {} superuser").format(sql.Identifier(name)))


def _missing_roles(
    conn: Connection, wanted: list[str], superusers: Sequence[str] = ()
) -> list[str]:
    """The roles of `wanted` the server lacks, and those of `superusers` it has without
    the superuser attribute."""
    found = conn.execute(
        "select rolname, rolsuper from pg_catalog.pg_roles where rolname = any(%s)", (wanted,)
    ).fetchall()
    have = {row[0]: row[1] for row in found}
    return [name for name in wanted if name not in have or (name in superusers and not have[name])]


def _maintenance(admin_url: str) -> str:
    return with_database(admin_url, MAINTENANCE_DATABASE)


@contextmanager
def admin_sessions(admin_url: str) -> Iterator[None]:
    """Within, the shadow server's two administrative sessions (its admin URL's and its
    maintenance database's) are each opened once and lent to every step (db.kept_open): a
    plan creates, renames and drops databases and checks roles and templates a dozen times,
    each in a session of its own otherwise. Neither database is ever dropped or renamed."""
    with kept_open(admin_url), kept_open(_maintenance(admin_url)):
        yield


@contextmanager
def _advisory_lock(conn: Connection, key: str) -> Iterator[None]:
    conn.execute("select pg_advisory_lock(hashtext(%s))", (key,))
    try:
        yield
    finally:
        conn.execute("select pg_advisory_unlock(hashtext(%s))", (key,))


# Which text of the prelude's roles part a cluster was set up with is recorded as a comment
# on one of the roles it creates (MARKED_ROLE). Comments on roles live in the shared catalog
# next to the roles, so every database of the cluster sees the same record, and none needs a
# table in anyone's maintenance database; dropping that role drops the record too, and the
# roles part runs again.
def _roles_marker(roles: str) -> str | None:
    if not roles.strip():
        return None  # nothing to set up
    return f"creo-schema platform roles {hashlib.sha256(roles.encode()).hexdigest()[:12]}"


def _setup_state(conn: Connection, template: str) -> tuple[bool, str | None]:
    """(whether the template exists, the roles part recorded), in one round trip."""
    row = one_row(
        conn.execute(
            "select exists (select from pg_catalog.pg_database where datname = %s),"
            " (select shobj_description(oid, 'pg_authid') from pg_catalog.pg_roles"
            "   where rolname = %s)",
            (template, MARKED_ROLE),
        )
    )
    return bool(row[0]), row[1]


def _set_up_roles(conn: Connection, roles: str, marker: str) -> None:
    """Run the roles part and record it, in one transaction. `conn` holds the lock."""
    try:
        with conn.transaction():
            conn.execute(roles)
            conn.execute(
                sql.SQL("comment on role {} is {}").format(
                    sql.Identifier(MARKED_ROLE), sql.Literal(marker)
                )
            )
    except psycopg.Error as error:
        raise DatabaseError(f"setting up the platform's roles failed: {error}") from error


def _build_template(conn: Connection, admin_url: str, name: str, per_database: str) -> None:
    """Load the per-database part into a new database, then give it the template's name (a
    crash leaves a `_building` one, dropped by the next build). `conn` holds the lock."""
    building = f"{name}_building"
    conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(building)))
    conn.execute(sql.SQL("create database {}").format(sql.Identifier(building)))
    if per_database.strip():
        with connect(with_database(admin_url, building), autocommit=True) as tconn:
            try:
                tconn.execute(per_database)
            except Exception as error:
                raise DatabaseError(f"loading the platform prelude failed: {error}") from error
    _rename(conn, building, name)


def desired_name(cache_key: str) -> str:
    return f"{DESIRED_PREFIX}{cache_key[:24]}"


def keep_desired(admin_url: str, loaded_url: str, cache_key: str) -> str:
    """Rename the freshly loaded database `loaded_url` to the kept desired state of
    `cache_key` (nobody may be connected to it), then prune the oldest kept ones.

    If another process kept the same state first, ours is dropped: by their key, both hold
    the same schema.
    """
    loaded = str(conninfo_to_dict(loaded_url)["dbname"])  # parsed from the URL: text already
    name = desired_name(cache_key)
    with cluster_lock(admin_url, DESIRED_LOCK) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", (name,))
        if exists.fetchone():
            _drop(conn, loaded)
        else:
            _rename(conn, loaded, name)
        _prune_desired(conn, keep=name)
    return name


def kept_desired(admin_url: str, cache_key: str) -> str | None:
    """The kept desired state of `cache_key` on this server, if it is still there."""
    name = desired_name(cache_key)
    with connect(admin_url, autocommit=True) as conn:
        found = conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone()
    return name if found else None


@contextmanager
def borrowed_desired(admin_url: str, name: str) -> Iterator[tuple[str, list[bool]] | None]:
    """The kept desired state `name` itself, for a proof that ends where it started (copying
    a database costs seconds at a thousand tables; renaming it, milliseconds).

    While borrowed it carries a temporary name, so no other process can use it meanwhile and
    a crash leaves a leftover that `drop_leftovers` removes. Yields (url, intact), or None
    when it is gone or in use; the caller sets `intact[0] = False` as soon as it changes the
    database, and back to True once it has shown the database equal to the desired state
    again. An intact database is kept under `name` again; any other is dropped.
    """
    borrowed = f"{PREFIX}{os.getpid()}_{secrets.token_hex(4)}"
    try:
        with connect(admin_url, autocommit=True) as conn:
            _rename(conn, name, borrowed)
    except psycopg.Error:
        yield None
        return
    intact = [True]
    try:
        yield with_database(admin_url, borrowed), intact
    finally:
        with connect(admin_url, autocommit=True) as conn:
            taken = conn.execute("select 1 from pg_database where datname = %s", (name,))
            if intact[0] and not taken.fetchone():
                _rename(conn, borrowed, name)
            else:
                _drop(conn, borrowed)


def _prune_desired(conn: Connection, keep: str) -> None:
    """Drop all but the newest KEEP_DESIRED kept states (newest: highest oid)."""
    rows = conn.execute(
        "select datname from pg_database where datname like %s and datname <> %s order by oid desc",
        (DESIRED_PREFIX + "%", keep),
    ).fetchall()
    for (old,) in rows[KEEP_DESIRED - 1 :]:
        # One in use as a template right now stays until a later prune.
        with contextlib.suppress(psycopg.Error):
            conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(old)))


@contextmanager
def temporary_database(
    admin_url: str, template: str | None = None, *, keep: bool = False
) -> Iterator[str]:
    """A fresh database (a copy of `template` if given); yields its URL, drops it afterwards."""
    name = f"{PREFIX}{os.getpid()}_{secrets.token_hex(4)}"
    create = sql.SQL("create database {}").format(sql.Identifier(name))
    if template:
        # FILE_COPY: a small template is copied file by file, not written page by page
        # into the WAL (the default since 15); measured ~20% faster per database here.
        create = sql.SQL("create database {} template {} strategy file_copy").format(
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
        _drop(conn, name)


def _drop(conn: Connection, name: str) -> None:
    _drop_subscriptions(conn, name)
    conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))


# A database that holds a subscription cannot be dropped, FORCE or not (its slot lives on
# another server). Each of the database's is disabled and detached from its slot first, so
# that DROP SUBSCRIPTION reaches for no publisher (none answers a shadow's).
_SUBSCRIPTIONS = """
select s.subname::text from pg_catalog.pg_subscription s
  join pg_catalog.pg_database d on d.oid = s.subdbid
 where d.datname = %s
"""


def _drop_subscriptions(conn: Connection, name: str) -> None:
    """Drop the subscriptions of database `name`, reached as `conn`'s role (a superuser or
    their owner, as a shadow's admin is)."""
    found = [row[0] for row in conn.execute(_SUBSCRIPTIONS, (name,)).fetchall()]
    if not found:
        return
    params = {"dbname": name}
    if conn.info.password:
        params["password"] = conn.info.password
    with connect(make_conninfo(conn.info.dsn, **params), autocommit=True) as inside:
        for subscription in found:
            named = sql.Identifier(subscription)
            inside.execute(sql.SQL("alter subscription {} disable").format(named))
            inside.execute(sql.SQL("alter subscription {} set (slot_name = none)").format(named))
            inside.execute(sql.SQL("drop subscription {}").format(named))


def _rename(conn: Connection, old: str, new: str) -> None:
    conn.execute(
        sql.SQL("alter database {} rename to {}").format(sql.Identifier(old), sql.Identifier(new))
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
