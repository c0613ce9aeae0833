"""A backup restores whatever it holds (issue 22, item 5), through `backup restore`:

rows go in before the tables' checks and foreign keys are added again (as pg_dump orders a
restore), so rows older than a NOT VALID constraint come back and it stays NOT VALID, a
foreign-key cycle needs no order, even for a role that may not run as a replica; no user
trigger fires, whatever its mode, and every trigger keeps the mode it had.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from creo_schema.catalog import Scope, inspect
from creo_schema.db import connect
from creo_schema.shadow.cluster import Cluster
from tests.backup.test_backup import Runner, _run

OWNER = "restore_order_owner"  # roles are the cluster's: tests share the name

NOT_VALID = """
create domain public.positive as int;
create table public.readings (
  id bigint generated always as identity primary key,
  value int not null,
  score public.positive,
  doubled int generated always as (value * 2) stored,
  constraint value_known check (value is not null)
);
comment on constraint value_known on public.readings is 'kept across a restore';
create table public.events (at int not null, what text) partition by range (at);
create table public.events_low partition of public.events for values from (0) to (100);
insert into public.readings (value, score) values (-5, -1), (-1, 0);
insert into public.events values (1, null);
-- Constraints that came later, over the older rows: those rows stay as they are.
alter table public.readings add constraint value_positive check (value > 0) not valid;
alter domain public.positive add constraint positive_score check (value > 0) not valid;
alter table public.events add constraint what_given check (what is not null) not valid;
insert into public.readings (value, score) values (3, 1), (4, 2);
insert into public.events values (2, 'later');
"""

# PostgreSQL 18's NOT VALID NOT NULL, over an older null.
NOT_VALID_18 = """
create table public.tags (id int primary key, label text);
insert into public.tags values (1, null);
alter table public.tags add constraint label_given not null label not valid;
insert into public.tags values (2, 'later');
"""

CYCLE = """
create table public.teams (id int primary key, lead_id int);
create table public.people (
  id int primary key,
  team_id int not null references public.teams (id),
  manager_id int references public.people (id) deferrable initially deferred
);
alter table public.teams add constraint teams_lead_fkey
  foreign key (lead_id) references public.people (id);
create table public.notes (id int primary key, person_id int);
insert into public.teams values (1, null), (2, null);
-- each person's manager is a later row of the same table
insert into public.people values (10, 1, 20), (20, 2, 30), (30, 2, null);
update public.teams set lead_id = id * 10;  -- and each team's lead a person of it
insert into public.notes values (1, 999);  -- an orphan, older than the key below
alter table public.notes add constraint notes_person_fkey
  foreign key (person_id) references public.people (id) not valid;
insert into public.notes values (2, 10);
"""


TRIGGERS = """
create table public.accounts (id int primary key, balance int not null);
insert into public.accounts values (1, 100), (2, 200);
create function public.refuse() returns trigger language plpgsql as $$
begin raise exception 'trigger % fired during a restore', tg_name; end $$;
create trigger always_refuses before insert on public.accounts
  for each row execute function public.refuse();
create trigger replica_refuses before insert on public.accounts
  for each row execute function public.refuse();
create trigger origin_refuses before insert on public.accounts
  for each row execute function public.refuse();
create trigger off_refuses before insert on public.accounts
  for each row execute function public.refuse();
alter table public.accounts enable always trigger always_refuses;
alter table public.accounts enable replica trigger replica_refuses;
alter table public.accounts disable trigger off_refuses;
"""


def _runner(tmp_path: Path, url: str) -> Runner:
    runner = Runner(tmp_path, url)
    runner.config.write_text(runner.config.read_text() + 'platform = "none"\n')
    return runner


def _as_owner(url: str, setup: str) -> str:
    """The setup run by a login role that owns what it makes and is not a superuser (as
    Supabase's `postgres`, or an RDS master user): it may not run as a replica. Returns a
    URL that connects as it."""
    with connect(url, autocommit=True) as conn:
        conn.execute(
            sql.SQL(
                "do $$ begin create role {} login; "
                "exception when duplicate_object then null; end $$"
            ).format(sql.Identifier(OWNER))
        )
        conn.execute(sql.SQL("grant create on schema public to {}").format(sql.Identifier(OWNER)))
        conn.execute(sql.SQL("set role {}").format(sql.Identifier(OWNER)))
        conn.execute(setup)  # type: ignore[arg-type]
    return make_conninfo(url, user=OWNER)


def _fingerprint(url: str) -> str:
    with connect(url, autocommit=True) as conn:
        return inspect(conn, Scope(("public",))).fingerprint


def _rows(url: str, query: str) -> list[tuple]:
    with connect(url, autocommit=True) as conn:
        return conn.execute(query).fetchall()  # type: ignore[arg-type]


def test_rows_older_than_a_not_valid_check_come_back(
    server: Cluster, make_db, tmp_path: Path
) -> None:
    url = make_db(platform="none", cluster=server)
    newest = server.major_version() >= 18
    _run(url, NOT_VALID + (NOT_VALID_18 if newest else ""))
    runner = _runner(tmp_path, url)
    backup_id = runner.create()
    before = _fingerprint(url)
    _run(url, "delete from public.readings; delete from public.events")
    if newest:
        _run(url, "delete from public.tags")

    result = runner.restore(backup_id)

    assert result.exit_code == 0, result.output
    assert _rows(url, "select id, value, score, doubled from public.readings order by id") == [
        (1, -5, -1, -10),
        (2, -1, 0, -2),
        (3, 3, 1, 6),
        (4, 4, 2, 8),
    ]
    assert _rows(url, "select at, what from public.events order by at") == [
        (1, None),
        (2, "later"),
    ]
    assert _rows(
        url,
        "select conrelid::regclass::text, contypid::regtype::text, conname, convalidated "
        "from pg_constraint where conname in "
        "('value_positive', 'positive_score', 'what_given', 'value_known') order by 1, 2, 3",
    ) == [
        ("-", "positive", "positive_score", False),
        ("events", "-", "what_given", False),
        ("events_low", "-", "what_given", False),  # the partition's, from its parent
        ("readings", "-", "value_known", True),
        ("readings", "-", "value_positive", False),
    ]
    if newest:
        assert _rows(url, "select * from public.tags order by id") == [(1, None), (2, "later")]
        assert _rows(
            url, "select convalidated from pg_constraint where conname = 'label_given'"
        ) == [(False,)]
    assert _fingerprint(url) == before  # comments, names, validity: as they were
    # The identity goes on from the backup's last value.
    _run(url, "insert into public.readings (value) values (5)")
    assert _rows(url, "select max(id) from public.readings") == [(5,)]


def test_a_foreign_key_cycle_restores_for_a_role_that_is_no_superuser(
    server: Cluster, make_db, tmp_path: Path
) -> None:
    url = _as_owner(make_db(platform="none", cluster=server), CYCLE)
    runner = _runner(tmp_path, url)
    backup_id = runner.create()
    before = _fingerprint(url)
    _run(url, "truncate public.teams, public.people, public.notes")

    result = runner.restore(backup_id)
    assert result.exit_code == 0, result.output
    assert _rows(url, "select * from public.people order by id") == [
        (10, 1, 20),
        (20, 2, 30),
        (30, 2, None),
    ]
    assert _rows(url, "select * from public.teams order by id") == [(1, 10), (2, 20)]
    assert _rows(url, "select * from public.notes order by id") == [(1, 999), (2, 10)]
    assert _fingerprint(url) == before  # the keys, deferrable and NOT VALID as they were
    # The keys are back in force.
    with pytest.raises(Exception, match="violates foreign key constraint"):
        _run(url, "insert into public.people values (40, 3, null)")


@pytest.mark.parametrize("superuser", [True, False], ids=["superuser", "owner"])
def test_no_trigger_fires_and_each_keeps_its_mode(
    server: Cluster, make_db, tmp_path: Path, superuser: bool
) -> None:
    url = make_db(platform="none", cluster=server)
    url = _as_owner(url, TRIGGERS) if not superuser else url
    if superuser:
        _run(url, TRIGGERS)
    runner = _runner(tmp_path, url)
    backup_id = runner.create()
    modes = "select tgname, tgenabled from pg_trigger where not tgisinternal order by 1"
    before = _rows(url, modes)
    _run(url, "delete from public.accounts")

    result = runner.restore(backup_id)

    assert result.exit_code == 0, result.output
    assert _rows(url, "select * from public.accounts order by id") == [(1, 100), (2, 200)]
    assert (
        _rows(url, modes)
        == before
        == [
            ("always_refuses", "A"),
            ("off_refuses", "D"),
            ("origin_refuses", "O"),
            ("replica_refuses", "R"),
        ]
    )
