"""`health` on a real server: a healthy database, then one planted problem of each kind."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from pathlib import Path

import psycopg
from click.testing import CliRunner, Result

from creo_schema.apply.history import ensure_history, record
from creo_schema.cli import cli
from creo_schema.db import connect

DESIRED = """
create table public.items (
  id bigint generated always as identity primary key,
  code text not null,
  note text
);
create index items_note_idx on public.items (note);
alter table public.items enable row level security;
"""


def _health(root: Path, url: str, *args: str) -> Result:
    return CliRunner().invoke(
        cli,
        [
            "--schema-dir",
            str(root / "schema"),
            "--database-url",
            url,
            "--format",
            "json",
            "health",
            *args,
        ],
        catch_exceptions=False,
    )


def _checks(result: Result) -> dict[str, dict]:
    return {c["name"]: c for c in json.loads(result.stdout)["checks"]}


def test_healthy_then_every_planted_problem_is_reported(tmp_path: Path, fresh_db: str) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "items.sql").write_text(DESIRED)
    with connect(fresh_db, autocommit=True) as conn:
        conn.execute(DESIRED)
    result = _health(tmp_path, fresh_db)
    assert result.exit_code == 0, result.output
    checks = _checks(result)
    assert (
        checks["connection"]["status"] == "ok" and "PostgreSQL" in checks["connection"]["summary"]
    )
    assert checks["drift"]["status"] == "ok"
    assert checks["indexes"]["status"] == "warning"  # never scanned: reported, not failing
    assert checks["integrity"]["status"] == "skipped"

    with connect(fresh_db, autocommit=True) as conn:
        ensure_history(conn)
        record(
            conn,
            kind="apply",
            status="failed",
            source_fingerprint="s",
            schema_fingerprint_before="b",
            managed_schemas=["public"],
            up_sql="",
            down_sql="",
            error="boom",
        )
        conn.execute(
            """
            alter table public.items add column extra int;
            create table public.open_table (id int);
            insert into public.items (code) values ('dup'), ('dup');
            create function public.validate_system_integrity()
              returns table (check_name text, status text, issue_count bigint, details text)
              language sql as $$ select 'orphans', 'fail', 3::bigint, 'rows without parent'
                                  union all select 'fine', 'ok', 0::bigint, 'nothing' $$;
            """
        )
        # Fails on the duplicate and leaves an invalid index behind, as in production.
        with contextlib.suppress(psycopg.errors.UniqueViolation):
            conn.execute("create unique index concurrently items_code_key on public.items (code)")
    result = _health(tmp_path, fresh_db)
    assert result.exit_code == 1, result.output
    checks = _checks(result)
    assert (
        checks["migrations"]["status"] == "problem" and "boom" in checks["migrations"]["details"][0]
    )
    assert checks["drift"]["status"] == "problem"
    assert checks["integrity"]["status"] == "problem"
    assert checks["integrity"]["details"] == ["orphans: 3 issues, rows without parent"]
    assert checks["indexes"]["status"] == "problem"
    assert any("invalid: public.items_code_key" in d for d in checks["indexes"]["details"])
    assert checks["rls"]["details"] == ["public.open_table"]
    assert checks["activity"]["status"] == "ok"


def test_long_transactions_and_lock_waits(fresh_db: str, tmp_path: Path) -> None:
    # Without the drift check: pg_dump in the shadow pipeline would queue behind the lock too.
    with connect(fresh_db, autocommit=True) as conn:
        conn.execute("create table public.open_table (id int)")
    holder = connect(fresh_db)
    holder.execute("lock table public.open_table in access exclusive mode")
    waiter_done = threading.Event()

    def wait_for_lock() -> None:
        with connect(fresh_db, autocommit=True) as waiter, contextlib.suppress(psycopg.Error):
            waiter.execute("set lock_timeout = '20s'; select * from public.open_table")
        waiter_done.set()

    threading.Thread(target=wait_for_lock, daemon=True).start()
    time.sleep(1.5)
    try:
        result = _health(tmp_path, fresh_db, "--no-drift", "--long-after", "1")
    finally:
        holder.rollback()
        holder.close()
        waiter_done.wait(10)
    assert result.exit_code == 1, result.output
    activity = _checks(result)["activity"]
    assert activity["status"] == "problem"
    assert any("in a transaction" in d for d in activity["details"])
    assert any("waiting" in d and "for a lock held by" in d for d in activity["details"])


def test_text_output_and_no_drift(tmp_path: Path, fresh_db: str) -> None:
    result = CliRunner().invoke(
        cli, ["--database-url", fresh_db, "health", "--no-drift"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "skipped  drift" in result.stdout and result.stdout.rstrip().endswith("Healthy.")


def test_cannot_connect_exits_3() -> None:
    result = CliRunner().invoke(
        cli,
        ["--database-url", "postgresql://nobody@127.0.0.1:1/none", "health", "--no-drift"],
        catch_exceptions=False,
    )
    assert result.exit_code == 3
    assert "cannot connect" in result.stderr
