"""`drift --format github|markdown|json` on a really drifted database, read as a person would.

Someone changed production by hand: a function's search_path, a column added, a policy
dropped, a reference row edited. Each format must name each object and what differs, point
at the declaring line, and nothing else: no escaped URL, no whole function body on one line,
no `?` for something it could not name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

TABLES = """\
create table public.notes (
  id bigint primary key,
  body text not null
);
alter table public.notes enable row level security;
grant select on public.notes to authenticated;

create table public.settings (
  key text primary key,
  value text not null
);
alter table public.settings enable row level security;
grant select on public.settings to anon, authenticated;
"""
POLICIES = """\
create policy "notes: read" on public.notes for select to authenticated using (true);
create policy "settings: read" on public.settings for select to anon, authenticated using (true);
"""
FUNCTIONS = """\
create function public.count_notes() returns bigint
language sql stable security definer set search_path = ''
as $$
  select count(*)
  from public.notes
$$;
"""
DATA = """\
insert into public.settings (key, value) values
  ('mode', 'on'),
  ('limit', '10');
"""
BY_HAND = """
alter function public.count_notes() set search_path = public;
alter table public.notes add column extra text;
drop policy "settings: read" on public.settings;
update public.settings set value = 'off' where key = 'mode';
"""


@pytest.fixture
def drifted(tmp_path: Path, make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, make_db(cluster=server))
    project.write("tables/tables.sql", TABLES)
    project.write("policies/policies.sql", POLICIES)
    project.write("functions/count_notes.sql", FUNCTIONS)
    project.write("data/settings.sql", DATA)
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output
    project.execute(BY_HAND)
    return project


def test_github_annotations_name_each_object_and_what_differs(drifted: Project) -> None:
    result = drifted.run("drift", "--format", "github")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert sorted(lines) == sorted(
        [
            "::error file=schema/functions/count_notes.sql,line=1,col=1,"
            "title=drift%3A function public.count_notes()::"
            "differs from schema/: search_path%0A"
            "- search_path: '' in schema/, 'public' in the database",
            "::error file=schema/tables/tables.sql,line=1,col=1,"
            "title=drift%3A table public.notes::"
            "differs from schema/: column extra%0A"
            "- column extra: in the database, not declared in schema/",
            "::error file=schema/policies/policies.sql,line=2,col=1,"
            'title=drift%3A policy "settings%3A read" on public.settings::'
            "missing from the database: the plan creates it",
            "::error file=schema/data/settings.sql,line=2,col=4,"
            "title=drift%3A row public.settings (key = 'mode')::"
            "differs from schema/: value%0A"
            "- value: 'on' in schema/, 'off' in the database",
        ]
    )
    # The target URL holds %2F (its socket directory); it is not shown at all.
    assert "%2F" not in result.stdout and "postgresql://" not in result.stdout
    assert "select count(*)" not in result.stdout  # the unchanged body is not the description


def test_markdown_rows_name_kind_object_and_change(drifted: Project) -> None:
    result = drifted.run("drift", "--format", "markdown")
    assert result.exit_code == 1, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Kind | Object | Declared at | Change |"
    assert sorted(rows[1:]) == sorted(
        [
            "| function | public.count\\_notes() | `schema/functions/count_notes.sql:1` | "
            "differs from schema/: search\\_path<br>"
            "search\\_path: '' in schema/, 'public' in the database |",
            "| table | public.notes | `schema/tables/tables.sql:1` | "
            "differs from schema/: column extra<br>"
            "column extra: in the database, not declared in schema/ |",
            '| policy | "settings: read" on public.settings | `schema/policies/policies.sql:2` | '
            "missing from the database: the plan creates it |",
            "| row | public.settings (key = 'mode') | `schema/data/settings.sql:2` | "
            "differs from schema/: value<br>value: 'on' in schema/, 'off' in the database |",
        ]
    )
    assert "4 objects differ from `schema/`" in result.stdout
    assert "?" not in "".join(rows)


def test_json_lists_each_drifted_object_with_its_differences(drifted: Project) -> None:
    result = drifted.run("drift", "--format", "json")
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    assert document["drift"] is True
    shown = {
        (item["kind"], item["object"]): (
            item["action"],
            item["differences"],
            item["location"] and f"{item['location']['file']}:{item['location']['line']}",
        )
        for item in document["drifted"]
    }
    assert shown == {
        ("function", "public.count_notes()"): (
            "alter",
            ["search_path: '' in schema/, 'public' in the database"],
            "schema/functions/count_notes.sql:1",
        ),
        ("table", "public.notes"): (
            "alter",
            ["column extra: in the database, not declared in schema/"],
            "schema/tables/tables.sql:1",
        ),
        ("policy", '"settings: read" on public.settings'): (
            "create",
            [],
            "schema/policies/policies.sql:2",
        ),
        ("row", "public.settings (key = 'mode')"): (
            "alter",
            ["value: 'on' in schema/, 'off' in the database"],
            "schema/data/settings.sql:2",
        ),
    }
    assert all(item["statements"] for item in document["drifted"])


def test_text_names_each_object_before_the_sql_and_marks_what_deletes_data(
    drifted: Project,
) -> None:
    result = drifted.run("drift")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "4 objects differ from schema/" in out
    assert "  function public.count_notes()  (schema/functions/count_notes.sql:1:1)" in out
    assert "    - search_path: '' in schema/, 'public' in the database" in out
    assert "    - column extra: in the database, not declared in schema/" in out
    assert "    - value: 'on' in schema/, 'off' in the database" in out
    # The objects come before the SQL; the statement that loses the column's values is marked.
    objects, sql = out.split("This SQL would fix it:")
    assert "count_notes" in objects and "alter table" not in objects
    marked = sql.split("-- DESTRUCTIVE: ", 1)[1].splitlines()
    assert marked[1].lower().startswith("alter table") and "drop column" in marked[1].lower()
    assert sql.count("-- DESTRUCTIVE") == 1
