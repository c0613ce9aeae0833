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
    rows = _rows(plan, supabase_dir, migration_id)
    try:
        with connect(url, autocommit=True) as conn:
            if conn.execute("select to_regclass(%s)", (TABLE,)).fetchone()[0] is None:
                return []
            recorded = []
            for version, name, statements in rows:
                done = conn.execute(
                    f"insert into {TABLE} (version, name, statements) values (%s, %s, %s)"
                    " on conflict (version) do nothing returning version",
                    (version, name, statements),
                ).fetchone()
                if done:
                    recorded.append(version)
            return recorded
    except DatabaseError:
        raise
    except Exception as error:
        versions = ", ".join(version for version, _, _ in rows)
        raise DatabaseError(
            f"migration {migration_id} was applied, but recording it in {TABLE} failed: "
            f"{' '.join(str(error).split())}",
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
