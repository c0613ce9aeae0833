"""`creo-schema pull` on a real database: the schema/ it writes, and its proof.

A team adopting creo-schema already has a database: pull writes its managed schemas as
files a reviewer would lay out (a file per table with everything on it, per function, type,
view), then plans that schema/ against the same database, which must plan nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli
from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

EXISTING = """\
create type public.mood as enum ('happy', 'sad');

create table public.notes (
  id bigint generated always as identity primary key,
  body text not null check (char_length(body) > 0),
  mood public.mood,
  created_at timestamptz not null default now()
);
create index notes_created_at on public.notes (created_at);
alter table public.notes enable row level security;
create policy "notes: read" on public.notes for select to authenticated using (true);
grant select on public.notes to authenticated;
comment on table public.notes is 'What users wrote.';

create function public.note_count() returns bigint
language sql stable set search_path = '' as $$ select count(*) from public.notes $$;

create function public.touch() returns trigger language plpgsql as $$
begin
  new.created_at := now();
  return new;
end
$$;
create trigger notes_touch before update on public.notes
  for each row execute function public.touch();

create view public.happy_notes with (security_invoker = true) as
  select id, body from public.notes where mood = 'happy';
"""


@pytest.fixture
def existing(tmp_path: Path, make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A database made without creo-schema's files: applied, then schema/ taken away."""
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, make_db(cluster=server))
    project.write("existing.sql", EXISTING)
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output
    shutil.rmtree(tmp_path / "schema")
    return project


def test_pull_lays_out_the_database_and_proves_it(existing: Project) -> None:
    pulled = existing.run("pull")
    assert pulled.exit_code == 1, pulled.output  # files written
    assert "it plans nothing" in pulled.output
    schema = existing.root / "schema"
    written = sorted(str(p.relative_to(schema)) for p in schema.rglob("*.sql"))
    # Extensions the server's template installs in `extensions` (uuid-ossp, pgcrypto on
    # the 15 cluster) are the project's to declare too: a file of their own, when any.
    if "extensions.sql" in written:
        written.remove("extensions.sql")
        declared = (schema / "extensions.sql").read_text()
        assert declared.startswith("create extension if not exists ")
    assert written == [
        "public/functions/note_count.sql",
        "public/functions/touch.sql",
        "public/tables/notes.sql",
        "public/types/mood.sql",
        "public/views/happy_notes.sql",
        "schemas.sql",
    ]
    notes = (schema / "public/tables/notes.sql").read_text()
    # The table with everything on it, in an order that loads.
    for declared in (
        "create table public.notes",
        "CREATE INDEX notes_created_at",
        "enable row level security",
        'create policy "notes: read"',
        "CREATE TRIGGER notes_touch",
        "grant select on table public.notes to authenticated",
        "comment on table public.notes is 'What users wrote.'",
    ):
        assert declared in notes, declared
    assert notes.index("create table") < notes.index("CREATE INDEX")
    # What was pulled is what the database is: drift finds nothing.
    assert existing.run("drift").exit_code == 0
    # A second pull would overwrite schema/: refused (exit 2), nothing changed.
    again = existing.run("pull")
    assert again.exit_code == 2, again.output
    assert "already declares objects" in again.output
    assert notes == (schema / "public/tables/notes.sql").read_text()


def test_dry_run_and_json_write_nothing(existing: Project) -> None:
    shown = existing.run("pull", "--dry-run")
    assert shown.exit_code == 1, shown.output  # would change
    assert "+++ " in shown.output and "+create table public.notes" in shown.output
    assert not (existing.root / "schema").exists()
    listed = existing.run("--format", "json", "pull", "--dry-run")
    document = json.loads(listed.stdout)
    assert document["changed"] is True and document["dry_run"] is True
    paths = {Path(f["path"]).name for f in document["files"]}
    assert "notes.sql" in paths and "mood.sql" in paths
    assert not (existing.root / "schema").exists()


def test_an_object_creo_schema_cannot_declare_is_named_and_nothing_written(
    existing: Project,
) -> None:
    existing.execute(
        "create function public.same(integer, integer) returns boolean language sql "
        "immutable as 'select $1 = $2'; "
        "create operator public.=== (leftarg = integer, rightarg = integer, "
        "function = public.same)"
    )
    refused = existing.run("pull")
    assert refused.exit_code == 4, refused.output
    assert "cannot declare" in refused.output and "===" in refused.output
    assert not (existing.root / "schema").exists()


def test_a_schema_dir_that_is_a_file_is_bad_input(existing: Project) -> None:
    """One located line and exit 2, never an internal error: a file where schema/ would
    be, or on the way to it."""
    a_file = existing.root / "notes.txt"
    a_file.write_text("not a folder\n")
    for where in (a_file, a_file / "schema"):
        args = ["--schema-dir", str(where), "--database-url", existing.url, "pull"]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 2, result.output
        assert "internal error" not in result.output and "Traceback" not in result.output
        assert str(a_file) in result.output
    assert a_file.read_text() == "not a folder\n"


@pytest.mark.parametrize("host", ["supabase_like", "rds_like"])
def test_pulled_and_proven_where_the_applier_is_no_superuser(
    host: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On clusters laid out like Supabase and RDS (the superuser is not `postgres`, the
    role that reads and applies is none), what pull writes is what the database holds."""
    monkeypatch.chdir(tmp_path)
    url, _ = request.getfixturevalue(host).make_db()
    project = Project(tmp_path, url)
    project.write("existing.sql", EXISTING)
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output
    shutil.rmtree(tmp_path / "schema")
    pulled = project.run("pull")
    assert pulled.exit_code == 1, pulled.output
    assert (tmp_path / "schema/public/tables/notes.sql").is_file()
    assert project.run("drift").exit_code == 0
