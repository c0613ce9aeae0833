"""`apply` recorded in `supabase_migrations.schema_migrations`, so that `supabase migration
list` and `supabase db push` see what creo-schema applied, and `rollback` removing it again.

The Supabase CLI makes that table on its first push; where it does not exist nothing is
recorded (a database the CLI never managed). A plan written with `plan --supabase-migration`
is recorded under its files' versions and names, so that the CLI sees those files as applied
and does not push them again; any other plan under the time of the apply and
`creo_schema_<migration id>`.

Both writes happen in the transaction of the migration (apply/run.py): the schema change
and its row land together or not at all. The versions recorded are kept in creo's own
history (`creo_schema.migrations.supabase_versions`), so that the rollback removes exactly
those, as `supabase migration repair --status reverted VERSION` would.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from creo_schema.db import Connection, one_row
from creo_schema.errors import DatabaseError
from creo_schema.migrations.files import VERSION_FORMAT, files_of, split_parts
from creo_schema.plan_document import Plan

TABLE = "supabase_migrations.schema_migrations"

# (version, name, statements): one row of the Supabase CLI's history.
Row = tuple[str, str, list[str]]


class SupabaseRecord:
    """The rows `apply` writes for one plan, found before it runs (which files were written
    for it); `write` runs inside the migration's transaction, once its creo id is known."""

    def __init__(self, plan: Plan, supabase_dir: Path) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.rows = _file_rows(plan, supabase_dir, self.now)
        self.statements = [s.sql for s in plan.statements]
        self.recorded: tuple[str, ...] = ()

    def write(self, conn: Connection, migration_id: int) -> tuple[str, ...]:
        """Insert the rows (none when the table is missing; a version already there is
        left as it is); returns the versions inserted. A failure is a DatabaseError, which
        undoes the migration's transaction with it."""
        rows = list(self.rows)
        with _failure_named("recording the migration in", rows):  # rows as they are then
            if not rows:
                version = _free_version(conn, self.now)
                rows.append((version, f"creo_schema_{migration_id}", self.statements))
            self.recorded = tuple(_insert(conn, rows))
        return self.recorded


def _free_version(conn: Connection, now: datetime) -> str:
    """The version of an apply's own row: the time of the apply, or the second after the
    newest version recorded when that is not earlier (two applies within one second, or a
    file's version ahead of the clock); a version taken would leave the row unrecorded."""
    version = now.strftime(VERSION_FORMAT)
    if "version" not in _columns(conn):
        return version
    newest = conn.execute("select max(version) from supabase_migrations.schema_migrations")
    latest = one_row(newest)[0]
    if latest is None or latest < version:
        return version
    try:
        after = datetime.strptime(latest, VERSION_FORMAT) + timedelta(seconds=1)
    except ValueError:
        return version  # not a timestamp: the insert keeps whatever is there
    return after.strftime(VERSION_FORMAT)


def remove_recorded(
    conn: Connection, migration_id: int, versions: Sequence[str] | None
) -> list[str]:
    """Delete the versions `apply` recorded for `migration_id` (in the rollback's
    transaction); `versions` None: a migration applied before creo-schema kept them, whose
    row is found by the name apply gave it. Returns the versions removed."""
    from psycopg import sql

    with _failure_named("removing the rolled-back migration from", []):
        columns = _columns(conn)
        if "version" not in columns:
            return []
        if versions is None:
            if "name" not in columns:
                return []
            where = sql.SQL("name = %s")
            param: str | list[str] = f"creo_schema_{migration_id}"
        elif not versions:
            return []
        else:
            where, param = sql.SQL("version = any(%s)"), list(versions)
        query = sql.SQL(
            "delete from supabase_migrations.schema_migrations where {} returning version"
        ).format(where)
        return sorted(row[0] for row in conn.execute(query, (param,)).fetchall())


def _insert(conn: Connection, rows: list[Row]) -> list[str]:
    from psycopg import sql

    # Older CLI versions made the table with fewer columns: fill those it has.
    columns = _columns(conn)
    if "version" not in columns:
        return []
    names = [c for c in ("version", "name", "statements") if c in columns]
    insert = sql.SQL(
        "insert into supabase_migrations.schema_migrations ({}) values ({})"
        " on conflict (version) do nothing returning version"
    ).format(
        sql.SQL(", ").join(map(sql.Identifier, names)),
        sql.SQL(", ").join(sql.Placeholder() * len(names)),
    )
    recorded = []
    for version, name, statements in rows:
        values = {"version": version, "name": name, "statements": statements}
        if conn.execute(insert, [values[c] for c in names]).fetchone():
            recorded.append(version)
    return recorded


def _columns(conn: Connection) -> set[str]:
    return {
        row[0]
        for row in conn.execute(
            "select attname from pg_catalog.pg_attribute"
            " where attrelid = to_regclass(%s) and attnum > 0 and not attisdropped",
            (TABLE,),
        ).fetchall()
    }


@contextmanager
def _failure_named(doing: str, rows: list[Row]) -> Iterator[None]:
    """A psycopg error while touching the table, as one DatabaseError saying what was being
    done (the migration's transaction is undone with it)."""
    import psycopg

    try:
        yield
    except psycopg.Error as error:
        reason = " ".join((error.diag.message_primary or str(error)).split())
        raise DatabaseError(
            f"{doing} {TABLE} failed: {reason}",
            hint="nothing was changed; fix that table, or set supabase_migration_history = false",
            details={"sqlstate": error.diag.sqlstate, "versions": [r[0] for r in rows]},
        ) from None


def _file_rows(plan: Plan, supabase_dir: Path, now: datetime) -> list[Row]:
    """The rows of the files written for `plan` by `plan --supabase-migration`, if all its
    parts are there; else none (the apply's own row is used)."""
    written = files_of(plan, supabase_dir)
    if written:
        parts = split_parts(plan, written[-1][1], now)
        if len(parts) == len(written):
            return [
                (version, name, [s.sql for s in part.statements])
                for part, (version, name) in zip(parts, written, strict=True)
            ]
    return []
