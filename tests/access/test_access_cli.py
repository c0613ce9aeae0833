"""`creo-schema access` through the command line, on a schema/ with one planted mistake of
each kind: each is reported, in text, JSON and markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import Project

SCHEMA = """\
create table public.notes (id bigint primary key, owner uuid not null, body text);
alter table public.notes enable row level security;
grant select, insert on public.notes to authenticated;
create policy notes_select_own on public.notes for select to authenticated
  using (owner = (select auth.uid()));

-- planted: no insert policy (the grant reaches no row), and a GRANT to anon
create table public.leaky (id bigint primary key);
grant select on public.leaky to anon;

-- planted: a view without security_invoker, readable by anon
create view public.all_notes as select id, body from public.notes;
grant select on public.all_notes to anon;

-- planted: a SECURITY DEFINER function anon may execute (PUBLIC's default EXECUTE)
create function public.note_count() returns bigint
language sql security definer set search_path = ''
as $$ select count(*) from public.notes $$;
"""


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    made = Project(tmp_path, fresh_db)
    made.write("app.sql", SCHEMA)
    return made


def test_text_reports_each_planted_mistake(project: Project) -> None:
    result = project.run("access")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  authenticated select: rows limited by policy notes_select_own" in lines
    assert (
        "    notes_select_own (permissive): using ((owner = ( SELECT auth.uid() AS uid)))" in lines
    )
    assert "  anon select: all rows (row level security is off)" in lines
    assert (
        "warning missing_policy: authenticated holds INSERT on public.notes but no policy "
        "admits it, so it reaches no row: a missing policy, or a grant to revoke"
    ) in lines
    assert (
        "error rls_off: anon can SELECT every row of public.leaky: row level security is off"
    ) in lines
    assert any(
        line.startswith("error view_bypasses_rls: anon reads public.all_notes past every policy")
        for line in lines
    )
    assert any(
        line.startswith("warning definer_function_for_anon: anon can execute public.note_count()")
        for line in lines
    )


def test_json_and_markdown(project: Project) -> None:
    result = project.run("access", "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["format"] == "creo-schema/access" and body["roles"] == [
        "anon",
        "authenticated",
        "service_role",
    ]
    cell = next(
        c
        for c in body["cells"]
        if (c["object"], c["role"], c["command"]) == ("public.notes", "authenticated", "select")
    )
    assert cell["rows"] == "rows limited by policies"
    assert cell["policies"] == [
        {
            "name": "notes_select_own",
            "permissive": True,
            "using": "(owner = ( SELECT auth.uid() AS uid))",
            "with_check": None,
        }
    ]
    assert {c["rule"] for c in body["concerns"]} == {
        "missing_policy",
        "rls_off",
        "view_bypasses_rls",
        "definer_function_for_anon",
    }
    markdown = project.run("access", "--format", "markdown")
    assert markdown.exit_code == 0, markdown.output
    assert "| `public.leaky` (table) | select all | - | - |" in markdown.stdout
    assert "- **error** `rls_off`: anon can SELECT every row of public.leaky" in markdown.stdout


def test_bad_schema_is_one_located_line(project: Project) -> None:
    project.write("broken.sql", "create table public.x (id int primary key,);\n")
    result = project.run("access")
    assert result.exit_code == 2
    assert "schema/broken.sql:1:" in result.stderr and "Traceback" not in result.output
