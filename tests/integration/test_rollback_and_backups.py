"""Rollback and backups as a new user met them (issue 12 items 5 and 6), through the CLI.

Each test failed on the code before its fix: `rollback` refused without showing what it
would run and dropped a table without a backup; the rollback's hazards were guessed again
from its SQL; `backup cleanup` removed every old backup unasked, referenced ones included;
every apply took a full backup, even of a new database; an incremental backup reported
three different row counts at create, list and restore.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result

from creo_schema.backup import list_backups
from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

NOTES = "create table public.notes (id bigint primary key, body text not null);\n"
UNREACHABLE = "postgresql://nobody@127.0.0.1:1/nowhere"


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)  # backups/ lands in the project
    return Project(tmp_path, fresh_db)


def _ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def _backups(project: Project) -> list[str]:
    return [m.id for m in list_backups(project.root / "backups")]


def test_rollback_shows_its_statements_and_refuses_before_asking(project: Project) -> None:
    project.write("notes.sql", NOTES)
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    project.execute("insert into public.notes select g, 'n' from generate_series(1, 5) g")

    refused = project.run("rollback")
    assert refused.exit_code == 4
    assert "drop table public.notes" in refused.stdout  # shown, as plan shows it
    assert "-- hazard deletes_data" in refused.stdout
    # refused for its hazard before any question: no confirmation was the problem
    assert "deletes_data" in refused.stderr and "--allow-destructive" in refused.stderr
    assert "confirmation" not in refused.stderr

    unconfirmed = project.run("rollback", "--allow-destructive")
    assert unconfirmed.exit_code == 4
    assert "drop table public.notes" in unconfirmed.stdout
    assert "without confirmation" in unconfirmed.stderr

    as_json = project.run("rollback", "--format", "json")
    assert as_json.exit_code == 4
    document = json.loads(as_json.stdout)  # one document, statements and error together
    assert document["format"] == "creo-schema/rollback"
    assert document["migration"] == 1 and document["rolled_back"] is None
    dropped = [s for s in document["statements"] if s["sql"] == "drop table public.notes"]
    assert dropped and "deletes_data" in dropped[0]["hazards"]
    assert document["exit_code"] == 4 and "deletes_data" in document["error"]["message"]

    assert project.query("select count(*) from public.notes") == [(5,)]  # nothing ran
    assert project.query("select count(*) from creo_schema.migrations") == [(1,)]
    assert _backups(project) == []


def test_rollback_that_weakens_security_needs_that_hazard_allowed(project: Project) -> None:
    project.write("notes.sql", NOTES)
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    project.write("notes.sql", NOTES + "alter table public.notes enable row level security;\n")
    _ok(project.run("apply", "--auto-approve", "--no-backup"))

    refused = project.run("rollback", "--auto-approve")
    assert refused.exit_code == 4
    assert "disable row level security" in refused.stdout
    assert "--allow-hazard weakens_security" in refused.stderr
    assert project.query("select relrowsecurity from pg_class where relname = 'notes'") == [(True,)]
    _ok(project.run("rollback", "--auto-approve", "--allow-hazard", "weakens_security"))
    assert project.query("select relrowsecurity from pg_class where relname = 'notes'") == [
        (False,)
    ]


def test_rollback_backs_up_the_table_it_drops(project: Project) -> None:
    project.write("notes.sql", NOTES)
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    project.execute("insert into public.notes select g, 'n' || g from generate_series(1, 25) g")

    rolled = _ok(project.run("rollback", "--auto-approve", "--allow-destructive"))
    assert "Backed up first" in rolled.stdout and "public.notes" in rolled.stdout
    [backup_id] = _backups(project)
    [meta] = list_backups(project.root / "backups")
    assert [(t.qualified, t.total_rows) for t in meta.tables] == [("public.notes", 25)]
    assert meta.migration == "rollback of migration 1"
    assert project.query(
        "select kind, backup_id from creo_schema.migrations where kind = 'rollback'"
    ) == [("rollback", backup_id)]

    _ok(project.run("apply", "--auto-approve"))  # the table again, empty
    restored = _ok(project.run("backup", "restore", backup_id, "--auto-approve"))
    assert "25 rows" in restored.stdout
    assert project.query("select count(*) from public.notes") == [(25,)]
    _ok(project.run("rollback", "--auto-approve", "--allow-destructive", "--no-backup"))
    assert _backups(project) == [backup_id]


def test_rollback_uses_the_hazards_recorded_when_planned(project: Project) -> None:
    wide = "create table public.counts (id bigint primary key, n integer);\n"
    project.write("counts.sql", wide)
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    project.execute("insert into public.counts values (1, 7)")
    project.write("counts.sql", wide.replace("n integer", "n smallint"))
    _ok(project.run("apply", "--auto-approve", "--allow-destructive", "--no-backup"))

    # smallint -> integer loses nothing: the plan knew the old type, the SQL text alone does not
    rolled = _ok(project.run("rollback", "--auto-approve"))
    assert "hazards as planned" in rolled.stdout
    recorded = project.query("select down_statements from creo_schema.migrations where id = 2")
    assert "type integer" in recorded[0][0][0]["sql"]
    assert "deletes_data" not in recorded[0][0][0]["hazards"]
    assert project.query(
        "select data_type from information_schema.columns where column_name = 'n'"
    ) == [("integer",)]

    # A row written before the hazards were recorded: classified again from its SQL.
    _ok(project.run("apply", "--auto-approve", "--allow-destructive", "--no-backup"))
    project.execute("update creo_schema.migrations set down_statements = null where id = 4")
    guessed = project.run("rollback", "--auto-approve")
    assert guessed.exit_code == 4
    assert "classified again" in guessed.stdout and "deletes_data" in guessed.stderr


def test_history_of_an_older_database_gains_the_recorded_rollback(project: Project) -> None:
    project.write("notes.sql", NOTES)
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    project.execute(
        "alter table creo_schema.migrations drop column down_statements,"
        " drop column supabase_versions"
    )
    listed = json.loads(_ok(project.run("history", "--format", "json")).stdout)
    assert [m["id"] for m in listed["migrations"]] == [1]

    project.write("more.sql", "create table public.more (id bigint primary key);\n")
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    assert project.query(
        "select id, down_statements is not null, supabase_versions"
        " from creo_schema.migrations order by id"
    ) == [(1, False, None), (2, True, [])]


@pytest.fixture
def shop(tmp_path: Path, make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, make_db(cluster=server))


SHOP = """
create type public.status as enum ('new', 'paid');
create table public.users (id bigint primary key, email text not null);
create table public.orders (
  id bigint primary key,
  user_id bigint not null references public.users (id),
  status public.status not null default 'new'
);
create index orders_user_id_idx on public.orders (user_id);
create table public.order_items (
  id bigint primary key,
  order_id bigint not null references public.orders (id),
  sku text not null
);
create index order_items_order_id_idx on public.order_items (order_id);
create table public.notes (id bigint primary key, body text, extra text);
"""

SEED = """
insert into public.users select g, 'u' || g || '@x' from generate_series(1, 10) g;
insert into public.orders select g, 1 + g % 10, 'paid' from generate_series(1, 30) g;
insert into public.order_items select g, 1 + g % 30, 's' || g from generate_series(1, 90) g;
insert into public.notes select g, 'b', 'e' from generate_series(1, 7) g;
"""


def _apply_json(project: Project, *flags: str) -> dict:  # type: ignore[type-arg]
    result = _ok(project.run("apply", "--auto-approve", "--format", "json", *flags))
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_apply_backs_up_only_the_tables_it_can_lose_rows_from(shop: Project) -> None:
    shop.write("shop.sql", SHOP)
    first = _apply_json(shop)  # a new database: nothing to lose, nothing backed up
    assert _backups(shop) == []
    assert first["backup"] is None
    assert shop.query("select backup_id from creo_schema.migrations") == [(None,)]
    shop.execute(SEED)

    shop.write("shop.sql", SHOP.replace(", extra text", ""))
    dropped_column = _apply_json(shop, "--allow-destructive")
    assert dropped_column["backup"]["tables"] == ["public.notes"]
    assert dropped_column["backup"]["rows"] == 7
    assert shop.query("select backup_id from creo_schema.migrations where id = 2") == [
        (dropped_column["backup"]["id"],)
    ]

    # The enum goes, its column turned to text: every value passes whole, nothing to back up.
    no_enum = SHOP.replace(", extra text", "").replace(
        "create type public.status as enum ('new', 'paid');\n", ""
    )
    shop.write(
        "shop.sql", no_enum.replace("status public.status not null default 'new'", "status text")
    )
    retyped = _apply_json(shop)
    assert retyped["backup"] is None

    # The column goes: its table, and the tables referencing it (restored together).
    shop.write("shop.sql", no_enum.replace(",\n  status public.status not null default 'new'", ""))
    dropped_column = _apply_json(shop, "--allow-destructive")
    assert dropped_column["backup"]["tables"] == ["public.orders", "public.order_items"]
    assert dropped_column["backup"]["rows"] == 120

    shop.write("more.sql", "create table public.more (id bigint primary key);\n")
    everything = _apply_json(shop, "--backup", "all")
    assert everything["backup"]["scope"] == "all"
    assert sorted(everything["backup"]["tables"]) == [
        "public.notes",
        "public.order_items",
        "public.orders",
        "public.users",
    ]
    assert len(_backups(shop)) == 3

    shop.write("more.sql", "")
    contradiction = shop.run("apply", "--auto-approve", "--no-backup", "--backup", "all")
    assert contradiction.exit_code == 2
    assert "--no-backup contradicts --backup all" in contradiction.stderr


def _backup(project: Project, *args: str) -> dict:  # type: ignore[type-arg]
    result = _ok(project.run("backup", *args, "--format", "json"))
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_incremental_backup_counts_the_same_rows_at_create_list_and_restore(
    project: Project,
) -> None:
    project.write("notes.sql", NOTES)
    _ok(project.run("apply", "--auto-approve"))
    project.execute("insert into public.notes select g, 'n' from generate_series(1, 300) g")
    full = _backup(project, "create")
    assert full["rows"] == 300
    project.execute(
        "delete from public.notes where id <= 100; "
        "update public.notes set body = 'changed' where id between 101 and 150; "
        "insert into public.notes select g, 'new' from generate_series(301, 320) g"
    )
    incremental = _backup(project, "create", "--incremental")
    assert incremental["incremental"] and incremental["base"] == full["id"]
    assert incremental["rows"] == 220  # rows in the table then: what a restore gives back
    listed = {b["id"]: b for b in _backup(project, "list")["backups"]}
    assert listed[incremental["id"]]["rows"] == 220
    project.execute("delete from public.notes")
    restored = json.loads(
        _ok(
            project.run(
                "backup", "restore", incremental["id"], "--auto-approve", "--format", "json"
            )
        ).stdout
    )
    assert restored["rows"] == 220
    assert project.query("select count(*) from public.notes") == [(220,)]

    # What the incremental holds itself: the rows changed since its base (50 + 20; more
    # only if an older transaction was still open elsewhere on the server at the base).
    assert 70 <= incremental["stored_rows"] < 220
    assert listed[incremental["id"]]["stored_rows"] == incremental["stored_rows"]
    assert full["stored_rows"] == 300

    text = [project.run("backup", "create", "--incremental").stdout]
    text += [project.run("backup", "list").stdout.splitlines()[1]]
    assert all("220 rows (" in line and "stored: changed since" in line for line in text), text
    restored_text = _ok(project.run("backup", "restore", incremental["id"], "--auto-approve"))
    assert "220 rows (as of the backup)" in restored_text.stdout


def _age(project: Project, backup_id: str) -> None:
    path = project.root / "backups" / backup_id / "metadata.json"
    data = json.loads(path.read_text())
    data["created_at"] = "2020-01-01T00:00:00+00:00"
    path.write_text(json.dumps(data))


def test_cleanup_asks_and_keeps_the_backups_history_references(project: Project) -> None:
    project.write("notes.sql", NOTES)
    _ok(project.run("apply", "--auto-approve", "--no-backup"))
    project.execute("insert into public.notes values (1, 'kept')")
    project.write("notes.sql", NOTES.replace(", body text not null", ""))
    _ok(project.run("apply", "--auto-approve", "--allow-destructive"))  # backs up notes
    [referenced] = _backups(project)
    loose = [_backup(project, "create")["id"], _backup(project, "create")["id"]]
    for backup_id in [referenced, *loose]:
        _age(project, backup_id)

    unasked = project.run("backup", "cleanup", "--older-than", "1")
    assert unasked.exit_code == 4 and "--yes" in unasked.stderr
    assert f"Keeping {referenced}: referenced by migration 2" in unasked.stdout
    assert f"To remove (2): {', '.join(loose)}" in unasked.stdout
    assert _backups(project) == [referenced, *loose]

    blind = project.run("backup", "cleanup", "--older-than", "1", "--yes", url=UNREACHABLE)
    assert blind.exit_code == 3
    assert "cannot tell which backups the migration history references" in blind.stderr
    assert _backups(project) == [referenced, *loose]

    cleaned = project.run("backup", "cleanup", "--older-than", "1", "--yes", "--format", "json")
    document = json.loads(_ok(cleaned).stdout)
    assert document["removed"] == loose
    assert document["kept"] == [
        {"id": referenced, "reason": "referenced by migration 2 in the target's history"}
    ]
    assert _backups(project) == [referenced]

    forced = project.run(
        "backup", "cleanup", "--older-than", "1", "--yes", "--force", url=UNREACHABLE
    )
    assert _ok(forced).stdout.strip() == f"Removed 1 backup: {referenced}"
    assert _backups(project) == []
