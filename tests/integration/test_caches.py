"""The caches must never hide a change: every kind of DDL on the target shows as drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.cli import Project

SCHEMA = """
create type public.mood as enum ('calm', 'busy');
create table public.notes (id bigint primary key, body text default 'x', mood public.mood);
comment on table public.notes is 'notes';
create index notes_mood on public.notes (mood);
alter table public.notes enable row level security;
create policy "notes read" on public.notes for select to authenticated using (true);
grant select on public.notes to authenticated;
create function public.note_count() returns bigint language sql stable set search_path = ''
  as $$ select count(*) from public.notes $$;
"""

CHANGES = [
    "comment on table public.notes is 'changed'",
    "grant insert on public.notes to authenticated",
    "revoke select on public.notes from authenticated",
    "alter table public.notes alter column body set default 'y'",
    'alter policy "notes read" on public.notes using (id > 0)',
    "create or replace function public.note_count() returns bigint language sql stable "
    "set search_path = '' as $$ select count(*) + 1 from public.notes $$",
    "alter type public.mood add value 'sleepy'",
    "drop index public.notes_mood",
    "alter table public.notes disable row level security",
    "alter table public.notes add column extra int",
]


@pytest.mark.parametrize("change", CHANGES, ids=[c.split(" on ")[0][:40] for c in CHANGES])
def test_drift_sees_each_change_with_warm_caches(
    change: str, tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, fresh_db)
    project.write("notes.sql", SCHEMA)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    assert project.run("drift").exit_code == 0  # both caches now warm
    assert project.run("drift").exit_code == 0
    project.execute(change)
    assert project.run("drift").exit_code == 1, change
