"""Copy a target's schema (no rows) into a shadow database, to prove plans on it.

pg_dump of the shadow's own major version reads the managed schemas; the roles the target's
grants name are created on the shadow server first, and the declared extensions the target
has are created in the copy, since `pg_dump --schema` leaves extensions out, as it leaves
out the app's triggers on platform tables (copied one by one).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from creo_schema.catalog.model import USER_COLUMN_OPTIONS, View
from creo_schema.catalog.reader import CatalogSnapshot
from creo_schema.db import Connection, acting_as, connect
from creo_schema.diff.quote import ident
from creo_schema.errors import DatabaseError
from creo_schema.shadow.tempdb import ensure_roles
from creo_schema.urls import redact_text


def dump_schema(bin_dir: Path | None, target_url: str, schemas: tuple[str, ...]) -> str:
    pg_dump = str(bin_dir / "pg_dump") if bin_dir else shutil.which("pg_dump")
    if not pg_dump:
        raise DatabaseError("pg_dump is needed to copy the target's schema and was not found")
    params = conninfo_to_dict(target_url)
    password = params.pop("password", None)
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if password:
        env["PGPASSWORD"] = str(password)  # not on the command line, where `ps` would show it
    # Owners are kept: an object owned by app_owner on the target is so in the copy too, and
    # the copy is compared with the target owner for owner (issue 22).
    args = [
        pg_dump,
        "--schema-only",
        "--no-tablespaces",
        # never the target's subscriptions, with their connection strings and passwords:
        # the copy gets them as the shadow may hold them (diff/outside_dump.py)
        "--no-subscriptions",
        f"--dbname={make_conninfo('', **params)}",
    ]
    args += [f"--schema={schema}" for schema in schemas]
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0:
        reason = redact_text(
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "", target_url
        )
        raise DatabaseError(f"pg_dump of the target failed: {reason}")
    # psql meta-commands (\restrict, \unrestrict since 2025's releases) are not SQL.
    return "\n".join(line for line in done.stdout.splitlines() if not line.startswith("\\"))


def copy_roles(target_conn: Connection, shadow_admin_url: str, applier: str = "") -> None:
    """Create on the shadow server, NOLOGIN, each role the target has, its superusers as
    superusers (only a superuser may own an event trigger), and the `applier` the copy acts
    as (db.acting_as), under the cluster's lock: see `ensure_roles`."""
    from creo_schema.roles import existing_roles, superusers

    supers = superusers(target_conn) | ({applier} if applier else set())
    ensure_roles(shadow_admin_url, existing_roles(target_conn), supers)


# Triggers on tables outside the managed schemas (auth.users) that call a managed function:
# the app's, yet `pg_dump --schema` leaves them out with their tables.
_OUTSIDE_TRIGGERS = """
select pg_get_triggerdef(t.oid)
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_proc p on p.oid = t.tgfoid
  join pg_namespace pn on pn.oid = p.pronamespace
 where not t.tgisinternal
   and not n.nspname = any(%(schemas)s::text[])
   and pn.nspname = any(%(schemas)s::text[])
 order by n.nspname, c.relname, t.tgname
"""


def outside_triggers(target_conn: Connection, schemas: tuple[str, ...]) -> list[str]:
    try:
        rows = target_conn.execute(_OUTSIDE_TRIGGERS, {"schemas": list(schemas)}).fetchall()
    finally:
        if not target_conn.autocommit:
            target_conn.rollback()
    return [row[0] for row in rows]


def load_copy(
    clone_url: str,
    dump: str,
    extensions: dict[str, str],
    triggers: Sequence[str] = (),
    target: CatalogSnapshot | None = None,
    schemas: tuple[str, ...] = (),
) -> None:
    """Load the dump into the copy; `target` (the target's catalog snapshot of `schemas`)
    gives what the dump leaves out: database-level objects (diff/outside_dump.py)."""
    from creo_schema.diff.outside_dump import AFTER_THE_DUMP, BEFORE_THE_DUMP, outside_dump_sql

    with connect(clone_url, autocommit=True) as conn:
        _other_extensions(conn, target, extensions, schemas)
        versions = {e.name: e.version for e in target.extensions} if target is not None else {}
        for name, schema in sorted(extensions.items()):
            # before the dump, which may use it (a column of citext), so its schema too
            # when that is one the dump creates (a managed schema of extensions)
            conn.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
            _create_extension(conn, name, schema, versions.get(name))
        conn.execute("set check_function_bodies = off")
        if target is not None:
            _run_all(conn, outside_dump_sql(conn, schemas, target, BEFORE_THE_DUMP))
        made = {"public", *extensions.values()}
        try:
            conn.execute(_without_schema_creation(_without_server_column_options(dump), made))
        except psycopg.Error as error:
            raise DatabaseError(
                f"loading the target's schema (pg_dump) into the shadow failed: {error}",
                hint="the shadow lacks something the target's schema uses (an extension, a "
                "role): nothing was written",
            ) from error
        for definition in triggers:
            try:
                conn.execute(definition)
            except psycopg.Error as error:
                raise DatabaseError(
                    f"copying the trigger [{definition[:100]}] failed: {error}",
                    hint="its table must exist in the shadow's platform prelude",
                ) from error
        if target is not None:
            _run_all(conn, outside_dump_sql(conn, schemas, target, AFTER_THE_DUMP))
            _populate(conn, [v for v in target.views if v.materialized and v.populated])


def _create_extension(conn: Connection, name: str, schema: str, version: str | None) -> None:
    """The extension at the target's version, which the copy is compared with; at the
    shadow's default where the shadow lacks that one (the comparison then names it)."""
    create = sql.SQL("create extension if not exists {} with schema {}").format(
        sql.Identifier(name), sql.Identifier(schema)
    )
    if version:
        try:
            conn.execute(create + sql.SQL(" version {}").format(sql.Literal(version)))
            return
        except psycopg.Error:
            pass
    conn.execute(create)


def _populate(conn: Connection, views: Sequence[View]) -> None:
    """The materialized views the target has populated, populated (pg_dump --schema-only
    creates each WITH NO DATA). The copy holds no rows, so each refresh is cheap; one over
    another waits until that one is populated, hence the passes."""
    waiting = list(views)
    while waiting:
        failed = []
        for view in waiting:
            name = sql.SQL("{}.{}").format(sql.Identifier(view.schema), sql.Identifier(view.name))
            try:
                conn.execute(sql.SQL("refresh materialized view {}").format(name))
            except psycopg.errors.ObjectNotInPrerequisiteState:
                failed.append(view)  # it reads one not populated yet
        if len(failed) == len(waiting):
            return  # the comparison names what stays unpopulated
        waiting = failed


def _other_extensions(
    conn: Connection,
    target: CatalogSnapshot | None,
    managed: dict[str, str],
    schemas: tuple[str, ...],
) -> None:
    """The target's extensions a plan does not manage (in a schema of their own, such as
    Supabase's `extensions`, and not declared) are not the copy's business, but what the
    dump holds may use them: an index with pg_trgm's operator class, a column of citext, a
    server of postgres_fdw. Those the shadow can install are, in their schemas."""
    if target is None:
        return
    rows = conn.execute(
        "select name from pg_available_extensions where installed_version is null"
    ).fetchall()
    installable = {row[0] for row in rows}  # neither missing nor there already (plpgsql)
    for item in sorted(target.extensions, key=lambda e: e.name):
        if item.name in managed or item.name not in installable or item.schema in schemas:
            continue
        conn.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(item.schema)))
        conn.execute(
            sql.SQL("create extension if not exists {} with schema {}").format(
                sql.Identifier(item.name), sql.Identifier(item.schema)
            )
        )


def _run_all(conn: Connection, statements: Sequence[str]) -> None:
    for statement in statements:
        try:
            conn.execute(statement)
        except psycopg.Error as error:
            raise DatabaseError(
                f"copying [{statement.splitlines()[0][:100]}] into the shadow failed: {error}"
            ) from error


# pg_dump writes a column's attribute options as one line:
# `ALTER [FOREIGN ]TABLE ONLY <table> ALTER COLUMN <column> SET (<name=value, ...>);`
_COLUMN_OPTIONS = re.compile(
    r"^(ALTER (?:FOREIGN )?TABLE ONLY .* ALTER COLUMN .* SET \()([^()]*)(\);)$", re.MULTILINE
)


def _without_server_column_options(dump: str) -> str:
    """The dump with only the attribute options a user can set: those a server stamps itself
    (Debian's 15.20: `pg_attver`) are refused by a shadow of another release ("unrecognized
    parameter"), and are no part of the schema (catalog/model.py USER_COLUMN_OPTIONS)."""

    def keep(match: re.Match[str]) -> str:
        options = [o for o in match[2].split(", ") if o.split("=")[0] in USER_COLUMN_OPTIONS]
        return f"{match[1]}{', '.join(options)}{match[3]}" if options else ""

    return _COLUMN_OPTIONS.sub(keep, dump)


def _without_schema_creation(dump: str, made: set[str]) -> str:
    """The dump with the schemas the copy has already made created only if missing: public
    (every database has it) and the extensions' (made before the dump). pg_dump quotes a
    name as `ident` does."""
    for name in sorted(made):
        statement = re.compile(rf"^CREATE SCHEMA {re.escape(ident(name))};$", re.MULTILINE)
        dump = statement.sub(f"CREATE SCHEMA IF NOT EXISTS {ident(name)};", dump)
    return dump


@contextmanager
def target_copy(
    shadow_admin_url: str,
    bin_dir: Path | None,
    template: str,
    target_conn: Connection,
    target_url: str,
    schemas: tuple[str, ...],
    extensions_present: dict[str, str],
    applier: str = "",
    platform: str = "supabase",
) -> Iterator[str]:
    """A temporary database on the shadow server holding the target's schema (no rows); its
    URL acts as `applier` (db.acting_as), the role the target is changed as, made a superuser
    on the shadow server."""
    from creo_schema.catalog import snapshot
    from creo_schema.shadow.tempdb import temporary_database

    target = snapshot(target_conn, schemas, platform=platform)
    # A managed schema the target lacks yet (schema/ creates it) has nothing to copy, and
    # pg_dump refuses a --schema that matches nothing when no other does.
    existing = {item.name for item in target.schemas}
    present = tuple(name for name in schemas if name in existing)
    dump = dump_schema(bin_dir, target_url, present) if present else ""
    triggers = outside_triggers(target_conn, schemas)
    copy_roles(target_conn, shadow_admin_url, applier)
    with temporary_database(shadow_admin_url, template) as clone_url:
        acting = acting_as(clone_url, applier)
        load_copy(acting, dump, extensions_present, triggers, target, schemas)
        yield acting
