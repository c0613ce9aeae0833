"""`creo-schema test` through the command line: each kind of expectation passes when it
holds and fails (exit 1, on the test's line) when it does not; a malformed file is one
located line (exit 2) before any database work; `validate` checks the files too."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.integration.cli import Project

SCHEMA = """\
create table public.notes (
  id uuid primary key,
  owner uuid not null references auth.users (id),
  body text not null,
  secret text
);
alter table public.notes enable row level security;
grant select (id, owner, body), insert (id, owner, body) on public.notes to authenticated;
grant select, insert, update, delete on public.notes to service_role;
create policy notes_select_own on public.notes for select to authenticated
  using (owner = (select auth.uid()));
create policy notes_insert_own on public.notes for insert to authenticated
  with check (owner = (select auth.uid()));

create function public.my_note_count() returns bigint
language sql stable security invoker set search_path = ''
as $$ select count(*) from public.notes $$;
revoke execute on function public.my_note_count() from public;
grant execute on function public.my_note_count() to authenticated;
"""

TESTS = """\
[users.alice]
email = "alice@example.com"

[users.bob]

[identities]
anon = { role = "anon" }
alice = { role = "authenticated", user = "alice" }
bob = { role = "authenticated", user = "bob" }

[[fixture]]
table = "public.notes"
rows = [
  { id = "${note}", owner = "${alice}", body = "hello", secret = "s" },
  { id = "${other_note}", owner = "${bob}", body = "bye" },
]

[[test]]
name = "notes: read"
query = "select id from public.notes"
expect = { anon = "42501: permission denied", alice = 1, bob = 1 }

[[test]]
name = "notes: alice reads her own"
as = "alice"
query = "select body from public.notes"
rows = [{ body = "hello" }]

[[test]]
name = "notes: the secret column is not granted"
as = ["alice", "bob"]
query = "select secret from public.notes"
error = "42501"

[[test]]
name = "notes: no writing as someone else"
as = "bob"
query = "insert into public.notes (id, owner, body) values (${new}, ${alice}, 'forged')"
error = "42501: row-level security"
after = { query = "select count(*) as n from public.notes", rows = [{ n = 2 }] }

[[test]]
name = "rpc: count as the caller"
rpc = "public.my_note_count"
expect = { alice = 1, anon = "42501" }
"""


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    made = Project(tmp_path, fresh_db)
    made.write("app.sql", SCHEMA)
    made.write("tests/notes.toml", TESTS)
    return made


def test_all_pass_then_a_broken_rule_fails_on_its_line(project: Project, tmp_path: Path) -> None:
    result = project.run("test", "--junit", str(tmp_path / "junit.xml"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "9 passed, 0 failed (9 tests in 1 file).\n"
    suite = ET.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("9", "0")

    # The mistake: everyone's notes for every signed-in user, and the secret column too.
    project.write(
        "app.sql",
        SCHEMA.replace("using (owner = (select auth.uid()))", "using (true)").replace(
            "grant select (id, owner, body),", "grant select,"
        ),
    )
    result = project.run("test", "--junit", str(tmp_path / "junit.xml"))
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "schema/tests/notes.toml:18:1: FAIL notes: read [alice]: expected 1 row, got 2 rows",
        "schema/tests/notes.toml:18:1: FAIL notes: read [bob]: expected 1 row, got 2 rows",
        "schema/tests/notes.toml:23:1: FAIL notes: alice reads her own [alice]: expected rows "
        "[{'body': 'hello'}], got [{'body': 'hello'}, {'body': 'bye'}]",
        "schema/tests/notes.toml:29:1: FAIL notes: the secret column is not granted [alice]: "
        "expected error 42501, got 2 rows",
        "schema/tests/notes.toml:29:1: FAIL notes: the secret column is not granted [bob]: "
        "expected error 42501, got 2 rows",
        "schema/tests/notes.toml:42:1: FAIL rpc: count as the caller [alice]: "
        "expected result 1, got 2",
        "3 passed, 6 failed (9 tests in 1 file).",
    ]
    failures = ET.parse(tmp_path / "junit.xml").getroot().findall(".//failure")
    assert len(failures) == 6
    github = project.run("test", "--format", "github")
    assert github.exit_code == 1
    assert github.stdout.splitlines()[0] == (
        "::error file=schema/tests/notes.toml,line=18,col=1,title=notes%3A read [alice]::"
        "expected 1 row, got 2 rows"
    )
    document = json.loads(project.run("test", "--format", "json").stdout)
    assert (document["format"], document["passed"], document["failed"]) == (
        "creo-schema/test",
        3,
        6,
    )
    assert document["results"][0] == {
        "file": "schema/tests/notes.toml",
        "line": 18,
        "name": "notes: read",
        "identity": "anon",
        "passed": True,
        "message": "",
        "duration_ms": document["results"][0]["duration_ms"],
    }


MALFORMED = [
    ('[[test]]\nname = "x"\nquery = "select 1\n', "3:18: not valid TOML"),
    (
        "[[test]]\nname = 'x'\nquery = 'select 1'\nas = 'nobody'\ncount = 1\n",
        "4:1: test 'x': unknown identity 'nobody'",
    ),
    (
        "[identities]\nanon = { role = 'anon' }\n[[test]]\nname = 'x'\nquery = 'select 1'\nas = 'anon'\nerror = 'nope'\n",
        "7:1: test 'x': 'nope' is not a SQLSTATE",
    ),
    (
        "[identities]\nanon = { role = 'anon' }\n[[test]]\nname = 'x'\nquery = 'select 1'\nexpect = { anon = 1, ghost = 0 }\n",
        "6:22: test 'x': unknown identity 'ghost'",
    ),
    (
        "[identities]\nanon = { role = 'anon', sub = 'x' }\n[[test]]\nname = 'x'\nquery = 'select 1'\nas = 'anon'\ncount = 1\n",
        "2:25: identity anon: unknown key 'sub'",
    ),
    (
        "[[fixture]]\nrows = []\n[[test]]\nname = 'x'\n",
        "1:1: a fixture has either table (with rows) or sql",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_file_is_one_located_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    """Refused before any database work: the target named here does not exist."""
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, "postgresql://nobody@/nowhere?host=/nonexistent")
    project.write("app.sql", SCHEMA)
    project.write("tests/notes.toml", text)
    result = project.run("test")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: schema/tests/notes.toml:{expected}"), result.stderr
    assert "Traceback" not in result.output


def test_validate_checks_the_test_files(project: Project) -> None:
    project.write(
        "tests/notes.toml",
        TESTS.replace('table = "public.notes"', 'table = "public.nots"').replace(
            'rpc = "public.my_note_count"', 'rpc = "public.my_notes_count"'
        ),
    )
    result = project.run("validate")
    assert result.exit_code == 2, result.output
    assert result.stdout.splitlines()[:4] == [
        "schema/tests/notes.toml:12:1: error test_file: table public.nots is not declared in schema/",
        "  hint: name a table or function schema/ creates",
        "schema/tests/notes.toml:44:1: error test_file: function public.my_notes_count is not "
        "declared in schema/",
        "  hint: name a table or function schema/ creates",
    ]
