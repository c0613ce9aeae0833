"""`apply` recorded in `supabase_migrations.schema_migrations`, so that `supabase migration
list` and `supabase db push` see what creo-schema applied.

The Supabase CLI makes that table on its first push; where it does not exist nothing is
recorded (a database the CLI never managed). A plan written with `plan --supabase-migration`
is recorded under its files' versions and names, so that the CLI sees those files as applied
and does not push them again; any other plan under the time of the apply and
`creo_schema_<migration id>`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from creo_schema.db import connect
from creo_schema.errors import DatabaseError
from creo_schema.migrations.files import VERSION_FORMAT, files_of, split_parts
from creo_schema.plan.model import Plan

TABLE = "supabase_migrations.schema_migrations"


def record_apply(url: str, plan: Plan, supabase_dir: Path, migration_id: int | None) -> list[str]:
    """Record the applied `plan`; returns the versions recorded (none when the table is
    missing, or when a version is there already)."""
    import psycopg
    from psycopg import sql

    rows = _rows(plan, supabase_dir, migration_id)
    try:
        with connect(url, autocommit=True) as conn:
            # Older CLI versions made the table with fewer columns: fill those it has.
            columns = {
                row[0]
                for row in conn.execute(
                    "select attname from pg_catalog.pg_attribute"
                    " where attrelid = to_regclass(%s) and attnum > 0 and not attisdropped",
                    (TABLE,),
                ).fetchall()
            }
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
    except (psycopg.Error, DatabaseError) as error:
        versions = " ".join(version for version, _, _ in rows)
        reason = error.message if isinstance(error, DatabaseError) else str(error)
        raise DatabaseError(
            f"migration {migration_id} was applied, but recording it in {TABLE} failed: "
            f"{' '.join(reason.split())}",
            hint=f"record it with `supabase migration repair --status applied {versions}`",
        ) from None


def _rows(
    plan: Plan, supabase_dir: Path, migration_id: int | None
) -> list[tuple[str, str, list[str]]]:
    now = datetime.now(UTC).replace(microsecond=0)
    written = files_of(plan, supabase_dir)
    if written:
        parts = split_parts(plan, written[-1][1], now)
        if len(parts) == len(written):
            return [
                (version, name, [s.sql for s in part.statements])
                for part, (version, name) in zip(parts, written, strict=True)
            ]
    statements = [s.sql for s in plan.statements]
    return [(now.strftime(VERSION_FORMAT), f"creo_schema_{migration_id}", statements)]
