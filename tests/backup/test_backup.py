"""Backups round trip on a real server: full, incremental on top, refusal, cleanup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from creo_schema.apply.recorded import planned_from_sql
from creo_schema.backup import list_backups, take_backup
from creo_schema.cli import cli
from creo_schema.config import load_settings
from creo_schema.db import connect

SCHEMA = """
create table public.parent (
  id bigint generated always as identity primary key,
  name text not null,
  doc jsonb,
  tags text[],
  amount numeric(20, 6),
  at timestamptz,
  blob bytea,
  score double precision,
  name_length int generated always as (length(name)) stored,
  updated_at timestamptz not null default now()
);
create table public.child (
  id uuid primary key default gen_random_uuid(),
  parent_id bigint not null references public.parent (id) on delete cascade,
  note text
);
create table public.audit (what text not null);
create table public.no_key (a int, b text);
create function public.stamp() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'parent' then
    new.updated_at = now() + interval '1 year';
  end if;
  insert into public.audit values (tg_op || ' ' || tg_table_name);
  return new;
end $$;
create trigger parent_stamp before insert or update on public.parent
  for each row execute function public.stamp();
create trigger child_stamp before insert on public.child
  for each row execute function public.stamp();
"""

SEED = """
insert into public.parent (name, doc, tags, amount, at, blob, score)
select 'p' || g, jsonb_build_object('g', g, 'nested', jsonb_build_array(g, 'x"y', null)),
       array['a' || g, null, 'tab	and
newline'], g * 1.123456, '2024-02-29 12:34:56.789+05:30'::timestamptz + g * interval '1 hour',
       decode(md5(g::text), 'hex'), g / 3.0
  from generate_series(1, 300) g;
insert into public.child (parent_id, note) select (g % 300) + 1, 'c' || g from generate_series(1, 500) g;
insert into public.no_key select g, 'n' || g from generate_series(1, 50) g;
"""


def _state(url: str) -> dict[str, str]:
    tables = ("parent", "child", "audit", "no_key")
    with connect(url, autocommit=True) as conn:
        return {
            t: conn.execute(
                f"select count(*) || ':' || coalesce(md5(string_agg(r::text, '|' order by r::text)), '') "
                f"from public.{t} r"
            ).fetchone()[0]
            for t in tables
        } | {"seq": conn.execute("select last_value from public.parent_id_seq").fetchone()[0]}


class Runner:
    def __init__(self, root: Path, url: str) -> None:
        self.root, self.url = root, url
        self.config = root / "creo-schema.toml"
        self.config.write_text(f'backup_dir = "{root / "backups"}"\nmanaged_schemas = ["public"]\n')

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(
            cli,
            ["--config", str(self.config), "--database-url", self.url, "--format", "json", *args],
            catch_exceptions=False,
        )

    def create(self, *extra: str) -> str:
        result = self("backup", "create", *extra)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["id"]

    def restore(self, backup_id: str, *extra: str) -> Result:
        return self("backup", "restore", backup_id, "--auto-approve", *extra)


@pytest.fixture
def project(tmp_path: Path, fresh_db: str) -> Runner:
    with connect(fresh_db, autocommit=True) as conn:
        conn.execute(SCHEMA)
        conn.execute(SEED)
    return Runner(tmp_path, fresh_db)


def _run(url: str, sql: str) -> None:
    with connect(url, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def test_full_and_incremental_round_trip(project: Runner) -> None:
    url = project.url
    first = project.create()
    state1 = _state(url)
    _run(
        url,
        """
        update public.parent set doc = '{"changed": true}', tags = null where id % 7 = 0;
        delete from public.parent where id between 10 and 20;
        insert into public.parent (name, amount) values ('new', 99999999999999.999999);
        update public.no_key set b = 'changed' where a < 5;
        delete from public.child where note like 'c1%';
        """,
    )
    second = project.create("--incremental")
    state2 = _state(url)
    meta = {m.id: m for m in list_backups(project.root / "backups")}
    assert meta[second].kind == "incremental" and meta[second].base == first
    changed = {t.name: t for t in meta[second].tables}
    assert changed["parent"].mode == "changes" and changed["parent"].keys_file
    assert 0 < changed["parent"].rows < 300
    assert changed["no_key"].mode == "full"  # no primary key: copied whole
    _run(
        url,
        "delete from public.child; update public.parent set name = 'x'; "
        "insert into public.no_key values (1000, 'later')",
    )
    assert _state(url) not in (state1, state2)

    result = project.restore(first)
    assert result.exit_code == 0, result.output
    assert _state(url) == state1  # triggers did not fire: audit and updated_at untouched
    result = project.restore(second)
    assert result.exit_code == 0, result.output
    assert _state(url) == state2
    # Restored identity values go on from where the backup left them.
    _run(url, "insert into public.parent (name) values ('after restore')")


def test_restore_refuses_another_schema_unless_forced(project: Runner) -> None:
    backup_id = project.create()
    _run(project.url, "alter table public.child add column extra int")
    result = project.restore(backup_id)
    assert result.exit_code == 4
    assert "schema differs" in result.stderr
    _run(project.url, "delete from public.child")
    assert project.restore(backup_id, "--force").exit_code == 0
    assert _state(project.url)["child"].startswith("500:")


def test_take_backup_hook_and_cleanup(project: Runner) -> None:
    settings = load_settings(project.config, {"database_url": project.url})
    root = project.root / "backups"
    taken = take_backup(settings, project.url, "apply of plan 1234")
    assert taken is not None and taken.meta.scope == "all"
    old_full = taken.id
    old_inc = project.create("--incremental")
    lonely_old = project.create()
    keep_base = project.create()
    keep_inc = project.create("--incremental")
    assert list_backups(root)[0].migration == "apply of plan 1234"
    for backup_id in (old_full, old_inc, lonely_old, keep_base):
        path = root / backup_id / "metadata.json"
        data = json.loads(path.read_text())
        data["created_at"] = "2020-01-01T00:00:00+00:00"
        path.write_text(json.dumps(data))
    result = project("backup", "cleanup", "--older-than", "30", "--yes")
    assert result.exit_code == 0, result.output
    assert sorted(json.loads(result.stdout)["removed"]) == sorted([old_full, old_inc, lonely_old])
    assert [m.id for m in list_backups(root)] == [keep_base, keep_inc]  # the base stays
    listed = json.loads(project("backup", "list").stdout)["backups"]
    assert [b["id"] for b in listed] == [keep_base, keep_inc]


def test_incremental_needs_a_base_and_unknown_ids_are_named(project: Runner) -> None:
    result = project("backup", "create", "--incremental")
    assert result.exit_code == 2 and "no earlier backup" in result.stderr
    result = project.restore("19990101T000000Z")
    assert result.exit_code == 2 and "no backup '19990101T000000Z'" in result.stderr


def test_a_backup_of_the_tables_a_migration_can_lose_restores_only_those(
    project: Runner,
) -> None:
    settings = load_settings(project.config, {"database_url": project.url})
    dropping_parent = planned_from_sql('drop table "public"."parent"')
    taken = take_backup(settings, project.url, "x", mode="changed", statements=dropping_parent)
    assert taken is not None and taken.meta.scope == "tables"
    # child references parent: restoring parent means emptying and reloading child too
    assert [t.qualified for t in taken.meta.tables] == ["public.parent", "public.child"]
    assert [s["name"] for s in taken.meta.sequences] == ["public.parent_id_seq"]
    before = _state(project.url)
    _run(
        project.url,
        "delete from public.child where note like 'c1%'; update public.parent set name = 'x'; "
        "insert into public.no_key values (1000, 'later')",
    )
    later_no_key = _state(project.url)["no_key"]
    assert project.restore(taken.id).exit_code == 0
    after = _state(project.url)
    assert (after["parent"], after["child"]) == (before["parent"], before["child"])
    assert after["no_key"] == later_no_key  # not in the backup: left alone
    # an incremental is never built on a backup of some tables only
    assert json.loads(project("backup", "create", "--incremental").stdout)["error"]
    nothing = planned_from_sql('alter table "public"."no_key" add column c int')
    assert take_backup(settings, project.url, "y", mode="changed", statements=nothing) is None
