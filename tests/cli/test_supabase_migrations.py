"""`plan --supabase-migration NAME` writes files `supabase db push` reads, and `apply`
records into supabase_migrations.schema_migrations (issue 15, item 3)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict

from creo_schema.catalog import inspect
from creo_schema.db import connect
from creo_schema.plan_document import read_plan
from creo_schema.shadow.cluster import Cluster
from tests.conftest import ROOT, DbFactory
from tests.integration.cli import Project

NOTES = (
    "create table public.notes (id bigint primary key, body text, author text);\n"
    "alter table public.notes enable row level security;\n"
)
NOTES_WITHOUT_BODY = NOTES.replace(" body text,", "")
SUPABASE_CLI_FILE = re.compile(r"^([0-9]+)_(.*)\.sql$")  # the CLI's own pattern
# What the Supabase CLI creates on its first push.
HISTORY_TABLE = (
    "create schema if not exists supabase_migrations;"
    "create table if not exists supabase_migrations.schema_migrations"
    " (version text not null primary key, statements text[], name text)"
)


def _migrations(root: Path) -> list[Path]:
    return sorted((root / "supabase" / "migrations").iterdir())


def _psql(server: Cluster, url: str, path: Path, *options: str) -> None:
    """Run a file as a user would, with the server's own psql, stopping at the first error."""
    psql = [str(server.bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url]
    done = subprocess.run([*psql, *options, "-f", str(path)], capture_output=True, text=True)
    if done.returncode:
        pytest.fail(f"psql -f {path.name}: {done.stderr}")


def test_the_creo_schema_from_empty_runs_with_psql(
    tmp_path: Path, make_db: DbFactory, server: Cluster
) -> None:
    # Issue 22: the file for the whole Creo schema, run with psql on an empty database as
    # `supabase db push` would (one transaction), stopped at a PL/pgSQL function whose
    # %ROWTYPE names a table made further down; its header named the planning machine's
    # socket directory. The rollback file, run the same way, must bring the start back.
    target, replayed = make_db(cluster=server), make_db(cluster=server)
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    (tmp_path / "creo-schema.toml").write_text('managed_schemas = ["public", "private"]\n')
    project = Project(tmp_path, target)
    plan_file = tmp_path / "plan.json"

    planned = project.run("plan", "--supabase-migration", "initial", "--out", str(plan_file))

    assert planned.exit_code == 0, planned.output
    (written,) = _migrations(tmp_path)
    _psql(server, replayed, written, "--single-transaction")
    drift = project.run("drift", url=replayed)
    assert drift.exit_code == 0, drift.output
    header = written.read_text().split("\n\n", 1)[0]
    database = conninfo_to_dict(target)["dbname"]
    assert "postgresql://" not in header and str(database) not in header, header
    (rollback,) = (tmp_path / "supabase" / "rollbacks").iterdir()
    _psql(server, replayed, rollback)
    plan = read_plan(plan_file)
    with connect(replayed, autocommit=True) as conn:
        back = inspect(conn, plan.scope).fingerprint
    assert back == plan.target_fingerprint


def test_files_replayed_with_psql_reach_schema(tmp_path: Path, make_db: DbFactory) -> None:
    first, second, replayed = make_db(), make_db(), make_db()
    project = Project(tmp_path, first)
    project.write("notes.sql", NOTES)

    planned = project.run(
        "plan", "--supabase-migration", "create_notes", "--sql-out", str(tmp_path / "up.sql")
    )

    assert planned.exit_code == 0, planned.output
    (created,) = _migrations(tmp_path)
    version, name = SUPABASE_CLI_FILE.match(created.name).groups()  # type: ignore[union-attr]
    assert len(version) == 14 and name == "create_notes"
    text = created.read_text()
    header, body = text.split("\n\n", 1)
    assert all(line.startswith("-- ") for line in header.splitlines())
    assert re.search(r"^-- plan: source \w+ target \w+ desired \w+$", header, re.MULTILINE)
    assert "-- hazards:\n--   none" in header
    assert body.strip() == (tmp_path / "up.sql").read_text().strip()
    rollback = tmp_path / "supabase" / "rollbacks" / f"{version}_create_notes.down.sql"
    assert "drop table public.notes" in rollback.read_text()

    # A second migration, planned against a database the first one was applied to.
    assert project.run("apply", "--auto-approve", url=second).exit_code == 0
    project.write("notes.sql", NOTES_WITHOUT_BODY)
    refused = project.run("plan", "--supabase-migration", "drop_body", url=second)
    assert refused.exit_code == 4 and len(_migrations(tmp_path)) == 1  # nothing written
    dropped = project.run(
        "plan", "--supabase-migration", "drop_body", "--allow-destructive", url=second
    )
    assert dropped.exit_code == 0, dropped.output
    assert [p.name.split("_", 1)[1] for p in _migrations(tmp_path)] == [
        "create_notes.sql",
        "drop_body.sql",
    ]
    later = _migrations(tmp_path)[1].read_text()
    assert re.search(r"^--   statement 1: .*deletes_data.*public\.notes", later, re.MULTILINE), (
        later
    )

    for path in _migrations(tmp_path):  # as `supabase db push` would, in order
        subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", replayed, "-f", str(path)],
            check=True,
            capture_output=True,
        )
    drift = project.run("drift", url=replayed)
    assert drift.exit_code == 0, drift.output


def test_apply_records_into_supabase_history(tmp_path: Path, make_db: DbFactory) -> None:
    url = make_db()
    project = Project(tmp_path, url)
    project.execute(HISTORY_TABLE)
    project.write("notes.sql", NOTES)
    assert project.run("plan", "--supabase-migration", "create_notes").exit_code == 0
    (written,) = _migrations(tmp_path)

    applied = project.run("apply", "--auto-approve")

    assert applied.exit_code == 0, applied.output
    rows = project.query(
        "select version, name, statements from supabase_migrations.schema_migrations"
    )
    assert [(r[0], r[1]) for r in rows] == [tuple(written.name[:-4].split("_", 1))]
    assert rows[0][2][0].startswith("create table public.notes")
    assert "Recorded in supabase_migrations.schema_migrations as" in applied.stdout

    # A plan written nowhere is recorded too, under the time of the apply.
    project.write("notes.sql", NOTES.replace("author text", "author text, tag text"))
    assert project.run("apply", "--auto-approve").exit_code == 0
    names = [
        r[0]
        for r in project.query(
            "select name from supabase_migrations.schema_migrations order by version"
        )
    ]
    assert names[0] == "create_notes" and re.fullmatch(r"creo_schema_\d+", names[1])


def test_a_file_binds_names_as_planned_whatever_the_session_path(
    tmp_path: Path, make_db: DbFactory, pg18: Cluster
) -> None:
    # The database's default search_path puts public before pg_catalog, where a
    # public.lower(text) waits: the view's lower(name), pg_catalog's as planned, would bind
    # to it in such a session. The file sets an empty path first, as pg_dump does (every
    # name the plan prints is schema-qualified).
    tables = (
        "create table public.t (id bigint primary key, name text);\n"
        "create function public.lower(text) returns text language sql immutable"
        " as $$ select 'planted' $$;\n"
    )
    target, replayed = make_db(), make_db()
    for url in (target, replayed):
        with connect(url, autocommit=True) as conn:
            conn.execute(tables)  # type: ignore[arg-type]
            database = conninfo_to_dict(url)["dbname"]
            conn.execute(f'alter database "{database}" set search_path = public, pg_catalog')  # type: ignore[arg-type]
    project = Project(tmp_path, target)
    project.write(
        "t.sql", tables + "create view public.v as select id, lower(name) as l from public.t;\n"
    )
    allow = ("--allow-hazard", "weakens_security")

    planned = project.run("plan", "--supabase-migration", "add_view", *allow)

    assert planned.exit_code == 0, planned.output
    (written,) = _migrations(tmp_path)
    _psql(pg18, replayed, written, "--single-transaction")
    drift = project.run("drift", url=replayed)
    assert drift.exit_code == 0, drift.output


def test_a_name_the_cli_would_misread_is_bad_input(tmp_path: Path, make_db: DbFactory) -> None:
    project = Project(tmp_path, make_db())
    project.write("notes.sql", NOTES)
    for name in ("two words", "init"):
        result = project.run("plan", "--supabase-migration", name)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"error: --supabase-migration {name}"[:28])
    assert not (tmp_path / "supabase").exists()


def test_an_added_enum_label_gets_an_earlier_file_of_its_own(
    tmp_path: Path, make_db: DbFactory
) -> None:
    # PostgreSQL refuses a label in the transaction that added it, and the Supabase CLI runs
    # a file in one transaction: the label goes first, alone.
    target, replayed = make_db(), make_db()
    enum = "create type public.status as enum ('draft', 'published');\n"
    table = (
        "create table public.posts (id bigint primary key, status public.status default 'draft');\n"
    )
    project = Project(tmp_path, target)
    project.execute(enum + table)
    project.write(
        "posts.sql",
        enum.replace("'published'", "'published', 'archived'")
        + table.replace("'draft');", "'archived');"),
    )

    planned = project.run("plan", "--supabase-migration", "archive_by_default")

    assert planned.exit_code == 0, planned.output
    assert "-- phase 0: each in a transaction of its own" in planned.stdout  # was a KeyError
    before, main = _migrations(tmp_path)
    assert before.name.endswith("_archive_by_default_before.sql")
    assert main.name.endswith("_archive_by_default.sql") and before.name < main.name
    assert "add value 'archived'" in before.read_text().lower()
    assert "part 1 of 2" in before.read_text() and "part 2 of 2" in main.read_text()
    # The replay, from the state the plan was made against, each file in one transaction.
    subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", replayed, "-c", enum + table],
        check=True,
        capture_output=True,
    )
    for path in (before, main):
        subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-d", replayed, "-f", str(path)],
            check=True,
            capture_output=True,
        )
    assert project.run("drift", url=replayed).exit_code == 0


def test_history_off_and_an_older_table(tmp_path: Path, make_db: DbFactory) -> None:
    # Older CLI versions made the table with the version alone: it gets what it has.
    project = Project(tmp_path, make_db())
    project.execute(
        "create schema supabase_migrations;"
        "create table supabase_migrations.schema_migrations (version text primary key)"
    )
    project.write("notes.sql", NOTES)
    config = tmp_path / "creo-schema.toml"
    config.write_text("supabase_migration_history = false\n")

    assert project.run("apply", "--auto-approve").exit_code == 0
    assert project.query("select count(*) from supabase_migrations.schema_migrations") == [(0,)]

    config.write_text("")
    project.write("notes.sql", NOTES.replace("author text", "author text, tag text"))
    applied = project.run("apply", "--auto-approve")

    assert applied.exit_code == 0, applied.output
    (version,) = project.query("select version from supabase_migrations.schema_migrations")[0]
    assert re.fullmatch(r"\d{14}", version)


def _supabase_rows(project: Project) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in project.query(
            "select version, name from supabase_migrations.schema_migrations order by version"
        )
    ]


def test_the_supabase_row_lands_with_the_migration_or_not_at_all(
    tmp_path: Path, make_db: DbFactory
) -> None:
    # The row is the last write of the migration's transaction: when it fails, the
    # migration is undone with it, and creo's history says it failed.
    project = Project(tmp_path, make_db())
    project.execute(
        HISTORY_TABLE + ";"
        "create function supabase_migrations.refuse() returns trigger language plpgsql"
        " as $$ begin raise exception 'history is read-only today'; end $$;"
        "create trigger refuse before insert on supabase_migrations.schema_migrations"
        " for each row execute function supabase_migrations.refuse()"
    )
    project.write("notes.sql", NOTES)

    refused = project.run("apply", "--auto-approve")

    assert refused.exit_code == 3, refused.output
    (line, hint) = refused.stderr.strip().splitlines()
    assert line == (
        "error: recording the migration in supabase_migrations.schema_migrations failed: "
        "history is read-only today"
    )
    assert hint.startswith("hint: ")
    assert "public.notes" not in project.tables()
    assert _supabase_rows(project) == []
    assert project.query("select status from creo_schema.migrations") == [("failed",)]

    project.execute("drop trigger refuse on supabase_migrations.schema_migrations")
    applied = project.run("apply", "--auto-approve")

    assert applied.exit_code == 0, applied.output
    assert "public.notes" in project.tables()
    ((version, name),) = _supabase_rows(project)
    (migration_id, kept) = project.query(
        "select id, supabase_versions from creo_schema.migrations where status = 'applied'"
    )[0]
    assert name == f"creo_schema_{migration_id}" and kept == [version]


def test_a_statement_failing_late_leaves_no_supabase_row(
    tmp_path: Path, make_db: DbFactory
) -> None:
    # The migration's last statement waits on a lock another session holds, and gives up
    # after lock_timeout: everything before it is undone, and nothing is recorded.
    url = make_db()
    project = Project(tmp_path, url)
    project.execute(HISTORY_TABLE + ";" + NOTES)
    (tmp_path / "creo-schema.toml").write_text('lock_timeout = "200ms"\nlock_retries = 0\n')
    project.write("notes.sql", NOTES.replace("author text", "author text, tag text"))
    project.write("tags.sql", "create table public.tags (id bigint primary key);\n")
    plan_file = tmp_path / "plan.json"
    assert project.run("plan", "--out", str(plan_file)).exit_code == 0
    statements = [s["sql"] for s in json.loads(plan_file.read_text())["statements"]]
    late = next(i for i, sql in enumerate(statements, 1) if "public.notes" in sql)
    assert late > 1 and statements[0].startswith("create table public.tags"), statements

    with connect(url) as holder:
        holder.execute("select from public.notes")  # holds its lock until the end
        failed = project.run("apply", str(plan_file), "--auto-approve")

    assert failed.exit_code == 3, failed.output
    assert f"statement {late} (main phase) failed" in failed.stderr
    assert "public.tags" not in project.tables()
    assert _supabase_rows(project) == []
    assert project.query("select status from creo_schema.migrations") == [("failed",)]


def test_rollback_removes_the_versions_apply_recorded(tmp_path: Path, make_db: DbFactory) -> None:
    url = make_db()
    project = Project(tmp_path, url)
    project.execute(
        HISTORY_TABLE + ";insert into supabase_migrations.schema_migrations (version, name)"
        " values ('20200101000000', 'pushed_by_the_cli')"
    )
    project.write("notes.sql", NOTES)
    assert project.run("plan", "--supabase-migration", "create_notes").exit_code == 0
    assert project.run("apply", "--auto-approve").exit_code == 0
    (created,) = _migrations(tmp_path)
    version = created.name.split("_", 1)[0]
    assert _supabase_rows(project) == [
        ("20200101000000", "pushed_by_the_cli"),
        (version, "create_notes"),
    ]

    rolled = project.run("rollback", "--auto-approve", "--allow-destructive", "--no-backup")

    assert rolled.exit_code == 0, rolled.output
    assert f"Removed from supabase_migrations.schema_migrations: {version}." in rolled.stdout
    assert _supabase_rows(project) == [("20200101000000", "pushed_by_the_cli")]
    assert "public.notes" not in project.tables()

    # A migration recorded before creo-schema kept its versions is found by its name.
    assert project.run("apply", "--auto-approve").exit_code == 0  # no file for this plan now
    created.unlink()
    project.write("notes.sql", NOTES.replace("author text", "author text, tag text"))
    assert project.run("apply", "--auto-approve").exit_code == 0
    names = [name for _, name in _supabase_rows(project)]
    assert names[0] == "pushed_by_the_cli" and len(names) == 3, names
    project.execute("update creo_schema.migrations set supabase_versions = null")
    as_json = project.run(
        "rollback", "--auto-approve", "--allow-destructive", "--no-backup", "--format", "json"
    )

    assert as_json.exit_code == 0, as_json.output
    removed = json.loads(as_json.stdout)["supabase_versions_removed"]
    assert len(removed) == 1
    assert [name for _, name in _supabase_rows(project)] == names[:2]


def test_apply_and_rollback_without_the_supabase_table(tmp_path: Path, make_db: DbFactory) -> None:
    project = Project(tmp_path, make_db())
    project.write("notes.sql", NOTES)
    applied = project.run("apply", "--auto-approve", "--format", "json")
    assert applied.exit_code == 0, applied.output
    assert json.loads(applied.stdout)["supabase_versions"] == []

    rolled = project.run("rollback", "--auto-approve", "--allow-destructive", "--no-backup")

    assert rolled.exit_code == 0, rolled.output
    assert "supabase_migrations" not in rolled.stdout
    assert project.query("select to_regclass('supabase_migrations.schema_migrations')") == [(None,)]


def test_an_apply_never_loses_its_row_to_a_version_already_taken(
    tmp_path: Path, make_db: DbFactory
) -> None:
    # Two applies within one second (or files' versions ahead of the clock) would share a
    # version, and `on conflict do nothing` would drop the apply's own row: it takes the
    # second after the newest one instead. The versions of the next 30 s are all taken.
    url = make_db()
    project = Project(tmp_path, url)
    project.execute(HISTORY_TABLE)
    start = datetime.now(UTC).replace(microsecond=0)
    taken = [(start + timedelta(seconds=s)).strftime("%Y%m%d%H%M%S") for s in range(-1, 31)]
    project.execute(
        "insert into supabase_migrations.schema_migrations (version, name) "
        + "values "
        + ", ".join(f"('{v}', 'taken')" for v in taken)
    )
    project.write("notes.sql", NOTES)
    applied = project.run("apply", "--auto-approve")
    assert applied.exit_code == 0, applied.output
    rows = project.query(
        "select version, name from supabase_migrations.schema_migrations"
        " where name <> 'taken' order by version"
    )
    newest = datetime.strptime(taken[-1], "%Y%m%d%H%M%S") + timedelta(seconds=1)
    assert [r[0] for r in rows] == [newest.strftime("%Y%m%d%H%M%S")]
    assert re.fullmatch(r"creo_schema_\d+", rows[0][1])
