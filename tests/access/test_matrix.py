"""The access matrix over real catalogs: each input PostgreSQL weighs (grants, column grants,
RLS on/forced, permissive and restrictive policies, views, SECURITY DEFINER, membership,
BYPASSRLS) changes the cell it should, and nothing else."""

from __future__ import annotations

from creo_schema.access import (
    RoleFacts,
    access_changes,
    access_matrix,
    concerns,
    read_role_facts,
)
from creo_schema.access.model import ALL_ROWS, AS_CALLER, BYPASS, NONE, POLICIES, Matrix
from creo_schema.catalog import snapshot
from creo_schema.db import connect

BASE = """
create table S.notes (id bigint primary key, owner uuid, body text, secret text);
alter table S.notes enable row level security;
"""

# (case, SQL after BASE, object, role, command, expected rows, columns, policy names)
CASES = [
    ("no grant", "", "S.notes", "authenticated", "select", NONE, None, ()),
    (
        "grant, RLS on, no policy",
        "grant select on S.notes to authenticated;",
        "S.notes",
        "authenticated",
        "select",
        NONE,
        None,
        (),
    ),
    (
        "RLS off",
        "grant select on S.notes to anon; alter table S.notes disable row level security;",
        "S.notes",
        "anon",
        "select",
        ALL_ROWS,
        None,
        (),
    ),
    (
        "permissive policy",
        "grant select on S.notes to authenticated;"
        "create policy own on S.notes for select to authenticated using (owner = auth.uid());",
        "S.notes",
        "authenticated",
        "select",
        POLICIES,
        None,
        ("own",),
    ),
    (
        "policy for another role",
        "grant select on S.notes to anon;"
        "create policy own on S.notes for select to authenticated using (owner = auth.uid());",
        "S.notes",
        "anon",
        "select",
        NONE,
        None,
        (),
    ),
    (
        "policy to public, for all",
        "grant delete on S.notes to anon;create policy mine on S.notes using (owner = auth.uid());",
        "S.notes",
        "anon",
        "delete",
        POLICIES,
        None,
        ("mine",),
    ),
    (
        "using (true)",
        "grant select on S.notes to anon;"
        "create policy everyone on S.notes for select to anon using (true);",
        "S.notes",
        "anon",
        "select",
        ALL_ROWS,
        None,
        (),
    ),
    (
        "restrictive cuts using (true)",
        "grant select on S.notes to anon;"
        "create policy everyone on S.notes for select to anon using (true);"
        "create policy only_bodies on S.notes as restrictive for select to anon"
        " using (body is not null);",
        "S.notes",
        "anon",
        "select",
        POLICIES,
        None,
        ("everyone", "only_bodies"),
    ),
    (
        "column grant",
        "grant select (id, body) on S.notes to authenticated;"
        "create policy own on S.notes for select to authenticated using (true);",
        "S.notes",
        "authenticated",
        "select",
        ALL_ROWS,
        ("id", "body"),
        (),
    ),
    (
        "delete has no column grants",
        "grant update (body) on S.notes to authenticated;",
        "S.notes",
        "authenticated",
        "delete",
        NONE,
        None,
        (),
    ),
    (
        "BYPASSRLS",
        "grant select on S.notes to service_role;",
        "S.notes",
        "service_role",
        "select",
        BYPASS,
        None,
        (),
    ),
    (
        "view without security_invoker",
        "create view S.all_notes as select id, body from S.notes;"
        "grant select on S.all_notes to anon;",
        "S.all_notes",
        "anon",
        "select",
        BYPASS,
        None,
        (),
    ),
    (
        "security_invoker view",
        "create view S.all_notes with (security_invoker = true) as select id from S.notes;"
        "grant select on S.all_notes to anon;",
        "S.all_notes",
        "anon",
        "select",
        AS_CALLER,
        None,
        (),
    ),
    (
        "SECURITY DEFINER function, PUBLIC's default EXECUTE",
        "create function S.count_notes() returns bigint language sql security definer"
        " set search_path = '' as 'select count(*) from S.notes';",
        "S.count_notes()",
        "anon",
        "execute",
        BYPASS,
        None,
        (),
    ),
    (
        "EXECUTE revoked",
        "create function S.count_notes() returns bigint language sql"
        " as 'select count(*) from S.notes';"
        "revoke execute on function S.count_notes() from public;",
        "S.count_notes()",
        "anon",
        "execute",
        NONE,
        None,
        (),
    ),
    (
        "no USAGE on the schema",
        "create table S.t (id int); grant select on S.t to anon;",
        "S.t",
        "anon",
        "select",
        NONE,
        None,
        (),
    ),
]


def _matrix(url: str, sql: str, facts: dict[str, RoleFacts] | None = None) -> Matrix:
    with connect(url, autocommit=True) as conn:
        conn.execute((BASE + sql).replace("S.", "public."))
        catalog = snapshot(conn, ("public",))
        read = read_role_facts(conn)
    roles = ("anon", "authenticated", "service_role", *(facts or {}))
    return access_matrix(catalog, {**read, **(facts or {})}, roles)


def test_cells(make_db) -> None:
    """Every case in one database, each in a schema of its own (c0, c1, ...), with USAGE
    for the API roles but in the case about USAGE."""
    script = []
    for number, (name, sql, *_) in enumerate(CASES):
        schema = f"c{number}"
        usage = f"grant usage on schema {schema} to anon, authenticated, service_role;"
        script.append(
            f"create schema {schema};"
            + ("" if "USAGE" in name else usage)
            + (BASE + sql).replace("S.", f"{schema}.")
        )
    script.append(
        "create function c0.stamp() returns trigger language plpgsql security definer"
        " as 'begin return new; end';"
    )
    with connect(make_db(), autocommit=True) as conn:
        conn.execute("\n".join(script))
        catalog = snapshot(conn, tuple(f"c{n}" for n in range(len(CASES))))
        facts = read_role_facts(conn)
    matrix = access_matrix(catalog, facts, ("anon", "authenticated", "service_role"))
    assert not [c for c in matrix.cells if "stamp" in c.object]  # fired, never called
    wrong = []
    for number, (name, _, obj, role, command, rows, columns, policies) in enumerate(CASES):
        cell = matrix.cell(obj.replace("S.", f"c{number}."), role, command)
        got = (cell.rows, cell.columns, tuple(p.name for p in cell.policies)) if cell else None
        if got != (rows, columns, policies):
            wrong.append(f"{name}: {got} ({cell.summary() if cell else 'no cell'})")
    assert not wrong, "\n".join(wrong)


def test_membership_and_forced_rls(make_db) -> None:
    """A role acts with the privileges and policies of the roles it belongs to; the owner
    skips row level security until it is forced."""
    url = make_db()
    facts = {
        "editor": RoleFacts("editor", member_of=("authenticated",)),
        "boss": RoleFacts("boss", member_of=("postgres",)),  # the tables' owner here
    }
    sql = (
        "grant select on public.notes to authenticated;"
        "create policy own on public.notes for select to authenticated using (owner = auth.uid());"
    )
    matrix = _matrix(url, sql, facts)
    editor = matrix.cell("public.notes", "editor", "select")
    assert editor is not None and (editor.rows, editor.policies[0].name) == (POLICIES, "own")
    boss = matrix.cell("public.notes", "boss", "select")
    assert boss is not None and boss.rows == BYPASS and boss.reason == "the table's owner"
    forced = _matrix(make_db(), sql + "alter table public.notes force row level security;", facts)
    boss = forced.cell("public.notes", "boss", "select")
    assert boss is not None and boss.rows == NONE  # no policy admits boss once forced


def test_planted_mistakes_are_concerns(make_db) -> None:
    sql = (
        "grant select on public.notes to authenticated;"  # and no policy: missing
        "create table public.open (id int primary key); grant select on public.open to anon;"
        "create view public.v as select id from public.notes; grant select on public.v to anon;"
        "create function public.f() returns int language sql security definer"
        " set search_path = '' as 'select 1';"
    )
    found = {(c.rule, c.object, c.role) for c in concerns(_matrix(make_db(), sql))}
    assert found >= {
        ("missing_policy", "public.notes", "authenticated"),
        ("rls_off", "public.open", "anon"),
        ("view_bypasses_rls", "public.v", "anon"),
        ("definer_function_for_anon", "public.f()", "anon"),
    }


def test_a_loosened_policy_is_a_widening_sentence(make_db) -> None:
    grant = "grant select, update on public.notes to authenticated;"
    tight = _matrix(
        make_db(),
        grant + "create policy own on public.notes for update to authenticated"
        " using (owner = auth.uid());",
    )
    loose = _matrix(
        make_db(),
        grant + "create policy own on public.notes for update to authenticated using (true);"
        "create policy everyone on public.notes for select to authenticated using (true);",
    )
    changes = {c.sentence: c for c in access_changes(tight, loose)}
    assert set(changes) == {
        "authenticated gains SELECT on public.notes (all rows (policy everyone admits every row))",
        "authenticated: UPDATE on public.notes now all rows (policy own admits every row) "
        "(was rows limited by own using ((owner = auth.uid())))",
    }
    assert all(c.hazardous for c in changes.values())
    back = access_changes(loose, tight)
    assert [c.widens for c in back] == [False, False]
    assert {c.sentence.split(" (")[0] for c in back} == {
        "authenticated loses SELECT on public.notes",
        "authenticated: UPDATE on public.notes now limited by policy own",
    }


def test_gaining_the_callers_own_rights_is_no_widening() -> None:
    """An invoker view or function reaches only what the caller reaches anyway; a definer's
    or the table's rows are a widening."""
    from creo_schema.access.model import AS_CALLER, Cell

    def matrix(rows: str, reason: str) -> Matrix:
        return Matrix(
            ("authenticated",),
            (Cell("public.v", "view", "authenticated", "select", rows, reason=reason),),
        )

    none = matrix(NONE, "no privilege")
    [invoker] = access_changes(none, matrix(AS_CALLER, "security_invoker: the tables' RLS applies"))
    [definer] = access_changes(none, matrix(BYPASS, "no security_invoker: runs as postgres"))
    assert (invoker.widens, definer.widens) == (False, True)
    assert definer.sentence == (
        "authenticated gains SELECT on public.v (bypasses RLS (no security_invoker: runs as postgres))"
    )
