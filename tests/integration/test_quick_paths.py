"""The quick paths of `plan` must give the answers of the slow ones.

- Verification from the kept desired state stands in for the copy of the target only when
  it can: with the kept database gone, or with objects our catalog snapshot does not read,
  the copy of the target proves the plan.
- An empty plan is remembered; a changed reference row, or any DDL, is still seen.
- A trigger the app puts on a platform table (auth.users) is planned, applied, drifted on
  and rolled back like any object of the managed schemas.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from creo_schema.catalog import snapshot
from creo_schema.db import connect
from creo_schema.plan.verify import METHOD, QUICK_METHOD
from creo_schema.shadow.providers import shadow_cluster
from creo_schema.shadow.tempdb import DESIRED_PREFIX, drop_database
from tests.integration.cli import Project

NOTES = """
create table public.notes (id bigint primary key, body text not null default '');
alter table public.notes enable row level security;
create policy "notes read" on public.notes for select to authenticated using (true);
"""

SETTINGS = """
create table public.settings (key text primary key, value text not null);
alter table public.settings enable row level security;
create policy "settings read" on public.settings for select to authenticated using (true);
"""

SIGN_UP = """
create schema private;
create table public.profiles (id uuid primary key, email text);
alter table public.profiles enable row level security;
create policy "own profile" on public.profiles for select to authenticated
  using (id = (select auth.uid()));
create function private.on_sign_up() returns trigger language plpgsql
  security definer set search_path = '' as $$
begin
  insert into public.profiles (id, email) values (new.id, new.email);
  return new;
end $$;
create trigger on_sign_up after insert on auth.users
  for each row execute function private.on_sign_up();
"""


def _plan(project: Project, *args: str) -> dict:
    result = project.run("plan", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _kept_desired_states() -> list[str]:
    with connect(shadow_cluster("embedded").uri(), autocommit=True) as conn:
        rows = conn.execute(
            "select datname from pg_database where datname like %s order by 1",
            (DESIRED_PREFIX + "%",),
        ).fetchall()
    return [row[0] for row in rows]


def _drop_kept_desired_states() -> None:
    admin = shadow_cluster("embedded").uri()
    for name in _kept_desired_states():
        drop_database(admin, name)  # a subscription's too (another test's may be kept)


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, fresh_db)


def test_a_plan_is_proven_on_the_kept_desired_state(project: Project) -> None:
    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write("notes.sql", NOTES + "create index notes_body on public.notes (body);\n")
    verification = _plan(project)["verification"]
    assert verification == {**verification, "verified": True, "method": QUICK_METHOD}
    # The proof ran on the kept database itself and left it as it found it: a second plan,
    # from a different target, borrows it again.
    kept = _kept_desired_states()
    assert len(kept) >= 1
    project.execute("alter table public.notes add column extra int")
    again = _plan(project, "--allow-destructive")["verification"]
    assert again == {**again, "verified": True, "method": QUICK_METHOD}
    assert _kept_desired_states() == kept


def test_without_the_kept_desired_state_the_target_copy_proves_it(project: Project) -> None:
    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write("notes.sql", NOTES + "create index notes_body on public.notes (body);\n")
    assert _plan(project)["verification"]["method"] == QUICK_METHOD  # desired state cached
    _drop_kept_desired_states()
    again = _plan(project)
    assert again["verification"]["verified"] is True
    assert again["verification"]["method"] == METHOD
    assert "create index concurrently" in " ".join(s["sql"] for s in again["statements"]).lower()


def test_a_rule_the_target_has_and_schema_lacks_is_dropped_with_the_quick_proof(
    project: Project,
) -> None:
    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("create table public.audit (id bigint)")
    project.execute(
        "create rule notes_audit as on insert to public.notes "
        "do also insert into public.audit values (new.id)"
    )
    project.write("notes.sql", NOTES + "create table public.audit (id bigint, at text);\n")
    found = _plan(project)
    assert found["verification"]["method"] == QUICK_METHOD
    assert found["verification"]["verified"] is True
    assert "drop rule notes_audit on public.notes" in [s["sql"] for s in found["statements"]]


def test_an_object_kind_the_snapshot_cannot_model_is_refused_by_name(project: Project) -> None:
    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute(
        "create function public.same(a int, b int) returns boolean language sql immutable "
        "as 'select a = b'; "
        "create operator public.=== (function = public.same, leftarg = int, rightarg = int)"
    )
    refused = project.run("--format", "json", "plan")
    assert refused.exit_code == 4, refused.output
    error = json.loads(refused.stdout)["error"]
    assert "operator public.===" in error["message"]
    assert "Traceback" not in refused.output


def test_an_empty_plan_is_remembered_but_a_changed_row_is_still_seen(project: Project) -> None:
    project.write("settings.sql", SETTINGS)
    project.write("data/settings.sql", "insert into public.settings values ('mode', 'calm');\n")
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    first = _plan(project)
    assert first["has_changes"] is False
    assert "diff" in first["timings_s"]  # the full path ran once
    second = _plan(project)
    assert second["has_changes"] is False
    assert "diff" not in second["timings_s"]  # remembered: no engine, no shadow
    project.execute("update public.settings set value = 'busy' where key = 'mode'")
    assert project.run("drift").exit_code == 1
    (statement,) = [s["sql"] for s in _plan(project)["statements"]]
    assert statement.startswith("update") and "'calm'" in statement and "'mode'" in statement


def test_a_trigger_on_auth_users_is_planned_applied_and_rolled_back(project: Project) -> None:
    (project.root / "creo-schema.toml").write_text('managed_schemas = ["public", "private"]\n')
    project.write("sign_up.sql", SIGN_UP)
    plan = _plan(project)
    created = [s["sql"] for s in plan["statements"] if s["sql"].startswith("CREATE TRIGGER")]
    assert created and "ON auth.users" in created[0]
    assert plan["verification"]["verified"] is True
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute(
        "insert into auth.users (id, email) values "
        "('00000000-0000-0000-0000-000000000001', 'a@example.com')"
    )
    assert project.query("select email from public.profiles") == [("a@example.com",)]
    assert project.run("drift").exit_code == 0
    with connect(project.url) as conn:
        read = snapshot(conn, ("public", "private")).triggers
    assert [(t.schema, t.table, t.name, t.function) for t in read] == [
        ("auth", "users", "on_sign_up", "private.on_sign_up")
    ]
    # The copy of the target carries the trigger too (pg_dump --schema leaves it out).
    project.write("more.sql", "create table public.more (id bigint primary key);\n")
    assert _plan(project)["verification"]["method"] == QUICK_METHOD
    _drop_kept_desired_states()
    proven = _plan(project)["verification"]
    assert proven == {**proven, "verified": True, "method": METHOD}
    project.write("more.sql", "")
    project.execute("drop trigger on_sign_up on auth.users")
    assert project.run("drift").exit_code == 1  # a missing trigger on auth.users is drift
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    assert project.run("rollback", "--auto-approve").exit_code == 0
    assert project.query(
        "select count(*) from pg_trigger where tgrelid = 'auth.users'::regclass "
        "and tgname = 'on_sign_up'"
    ) == [(0,)]


def test_the_state_apply_leaves_is_what_the_next_plan_reads(project: Project) -> None:
    """apply and rollback inspect the database they changed; the next plan finds that
    inspection under the catalog's signature instead of reading the catalog again."""
    from creo_schema.catalog import Scope, inspect
    from creo_schema.catalog.signature import catalog_signature
    from creo_schema.plan import cache

    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    with connect(project.url, autocommit=True) as conn:
        key = cache.target_key(catalog_signature(conn), Scope(("public",)))
        fresh = inspect(conn, Scope(("public",)))
    remembered = cache.load_target(key)
    assert remembered is not None and remembered.digest == fresh.digest
    plan = _plan(project)
    assert plan["has_changes"] is False


def test_a_change_after_the_rollback_was_shown_is_still_refused(project: Project) -> None:
    """`rollback` shows what it will run, then asks: the check that the database is still
    where the migration left it is skipped at run time only if the catalog has not moved."""
    from creo_schema.apply.run import prepare_rollback, run_rollback
    from creo_schema.config import Settings
    from creo_schema.errors import SafetyError

    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    pending = prepare_rollback(project.url, None)
    project.execute("comment on table public.notes is 'changed while the user read'")
    settings = Settings(schema_dir=project.root / "schema", database_url=project.url)
    with pytest.raises(SafetyError, match="no longer in the state migration"):
        run_rollback(settings, project.url, pending, allowed={"deletes_data"})
    assert project.query("select count(*) from public.notes") == [(0,)]  # still there

    project.execute("comment on table public.notes is null")  # back where it was left
    pending = prepare_rollback(project.url, None)
    run_rollback(settings, project.url, pending, allowed={"deletes_data"})
    assert project.query("select to_regclass('public.notes') is null") == [(True,)]


def test_a_change_after_the_apply_stops_the_rollback_before_anything_runs(
    project: Project,
) -> None:
    """apply records the catalog's signature with the state it left; a rollback reads the
    catalog again unless it still has that signature, so any change since is seen."""
    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    (signature,) = project.query("select schema_signature_after from creo_schema.migrations")
    assert signature[0]
    project.execute("grant select on public.notes to anon")
    refused = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert refused.exit_code == 4, refused.output
    assert "no longer in the state migration 1 left" in refused.stderr
    assert project.query("select to_regclass('public.notes') is not null") == [(True,)]
    project.execute("revoke select on public.notes from anon")
    done = project.run("rollback", "--auto-approve", "--allow-destructive")
    assert done.exit_code == 0, done.output
    assert project.query("select to_regclass('public.notes') is null") == [(True,)]


MONEY = """
create type public.cents as (amount bigint);
create function public.cents_text(public.cents) returns text language sql immutable
  as $$ select ($1).amount::text $$;
"""


def test_a_cast_the_target_has_is_carried_into_the_copy_and_replaced(project: Project) -> None:
    # pg_dump --schema leaves casts out: the copy gets them from the target's snapshot.
    cast = "create cast (public.cents as text) with function public.cents_text(public.cents)"
    project.write("money.sql", MONEY + cast + ";\n")
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write("money.sql", MONEY + cast + " as implicit;\n")
    assert _plan(project)["verification"]["method"] == QUICK_METHOD  # desired state cached
    _drop_kept_desired_states()
    found = _plan(project)
    assert found["verification"]["verified"] is True
    assert found["verification"]["method"] == METHOD
    assert [s["sql"] for s in found["statements"]] == [
        "drop cast (public.cents as text)",
        cast + " as implicit",
    ]
    with connect(project.url) as conn:
        before = snapshot(conn, ("public",)).casts
    assert [(c.key, c.context) for c in before] == [("(public.cents as text)", "e")]


def test_an_access_method_only_schema_declares_is_refused_the_targets_left_alone(
    project: Project,
) -> None:
    project.write("notes.sql", NOTES)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.write("am.sql", "create access method heap2 type table handler heap_tableam_handler;\n")
    refused = project.run("--format", "json", "plan")
    assert refused.exit_code == 4, refused.output
    message = json.loads(refused.stdout)["error"]["message"]
    assert "schema/ has access method heap2 (table, handler heap_tableam_handler)" in message
    # Declared and present on both sides, it is nothing to plan; on the target alone, it is
    # named and left as it is.
    project.execute("create access method heap2 type table handler heap_tableam_handler")
    assert _plan(project)["statements"] == []
    (project.root / "schema" / "am.sql").unlink()
    left = _plan(project)
    assert left["statements"] == []
    assert any("access method heap2" in w for w in left["warnings"]), left["warnings"]


def test_changes_only_their_own_catalogs_record_are_seen_after_a_cached_read(
    project: Project,
) -> None:
    # apply remembers the state it leaves under the catalog signature: a change that
    # touches no other catalog (a statistics target, an operator on an existing function)
    # must move the signature, or the next plan would read the remembered state.
    schema = NOTES + (
        "create statistics public.notes_stats on id, body from public.notes;\n"
        "create function public.same(a int, b int) returns boolean language sql immutable "
        "as 'select a = b';\n"
    )
    project.write("notes.sql", schema)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("alter statistics public.notes_stats set statistics 500")
    found = _plan(project)
    assert [s["sql"] for s in found["statements"]] == [
        "alter statistics public.notes_stats set statistics -1"
    ]
    project.execute("alter statistics public.notes_stats set statistics -1")
    project.execute(
        "create operator public.=== (function = public.same, leftarg = int, rightarg = int)"
    )
    refused = project.run("--format", "json", "plan")
    assert refused.exit_code == 4, refused.output
    assert "operator public.===" in json.loads(refused.stdout)["error"]["message"]


def test_the_copy_has_the_targets_undeclared_extensions_its_schema_uses(
    project: Project,
) -> None:
    # pg_trgm in Supabase's `extensions` schema, not declared: not managed, so the plan
    # leaves it; the copy of the target still needs it for the index the plan drops (and the
    # rollback creates again). The kept desired state lacks it, so the copy proves the plan.
    items = "create table public.items (id bigint primary key, name text not null);\n"
    project.write("items.sql", items)
    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    project.execute("create extension if not exists pg_trgm with schema extensions")
    project.execute(
        "create index items_name_trgm on public.items using gin (name extensions.gin_trgm_ops)"
    )
    found = _plan(project, "--allow-hazard", "index_dropped")
    assert found["verification"]["verified"] is True
    assert found["verification"]["method"] == METHOD
    assert [s["sql"] for s in found["statements"]] == ["drop index public.items_name_trgm"]
