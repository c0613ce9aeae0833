"""References to aggregates, procedures and routines in grants, comments and owners resolve,
and every message that names a function gives its argument types (issue 22, item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

AGGREGATE = """
create schema app;
create function app.csv_step(acc text, x text) returns text language sql immutable
  set search_path = '' as $$ select case when acc = '' then x else acc || ',' || x end $$;
create aggregate app.csv_agg(text) (sfunc = app.csv_step, stype = text, initcond = '');
create procedure app.cleanup() language sql set search_path = '' as $$ select 1 $$;
"""

# Every form that names an aggregate or a routine; in a file that sorts before the one
# declaring them, so the load order has to come from the references.
ABOUT_THEM = """
revoke execute on function app.csv_agg(text) from public;
grant execute on function app.csv_agg(text) to authenticated;
grant execute on routine app.csv_step(text, text) to authenticated;
grant execute on procedure app.cleanup() to service_role;
grant execute on all functions in schema app to service_role;
grant execute on all routines in schema app to service_role;
comment on aggregate app.csv_agg(text) is 'comma separated';
alter aggregate app.csv_agg(text) owner to service_role;
"""


@pytest.fixture
def project(tmp_path: Path, make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "creo-schema.toml").write_text('managed_schemas = ["public", "app"]\n')
    return Project(tmp_path, make_db(cluster=server))


def test_grants_comments_and_owners_on_an_aggregate_resolve(project: Project) -> None:
    project.write("a_grants.sql", ABOUT_THEM)
    project.write("b_routines.sql", AGGREGATE)
    validated = project.run("validate")
    assert validated.exit_code == 0, validated.output

    assert project.run("apply", "--auto-approve", "--no-backup").exit_code == 0
    granted = project.query(
        "select proacl::text[] from pg_proc where oid = 'app.csv_agg(text)'::regprocedure"
    )[0][0]
    assert any(entry.startswith("authenticated=X/") for entry in granted)
    assert project.run("drift").exit_code == 0


def test_an_unknown_routine_is_named_with_its_argument_types(project: Project) -> None:
    project.write("routines.sql", AGGREGATE)
    project.write("grants.sql", "grant execute on function app.csv_ag(text) to authenticated;\n")
    result = project.run("validate")
    assert result.exit_code == 2
    assert (
        "schema/grants.sql:1:1: error unresolved: function app.csv_ag(text) is not declared in "
        "schema/ nor provided by the platform" in result.output
    )
    assert "did you mean app.csv_agg(text)?" in result.output


def test_overloaded_aggregates_are_no_duplicates_and_the_hint_names_each(
    project: Project,
) -> None:
    project.write(
        "routines.sql",
        AGGREGATE
        + "create function app.csv_int_step(acc text, x integer) returns text language sql"
        " immutable set search_path = '' as $$ select acc || x::text $$;\n"
        "create aggregate app.csv_agg(integer) (sfunc = app.csv_int_step, stype = text);\n",
    )
    assert project.run("validate").exit_code == 0

    project.write("comments.sql", "comment on aggregate app.csv_ag(integer) is 'x';\n")
    result = project.run("validate")
    assert result.exit_code == 2
    assert "aggregate app.csv_ag(integer) is not declared" in result.output
    assert "did you mean app.csv_agg(integer) or app.csv_agg(text)?" in result.output


def test_an_aggregate_declared_twice_is_named_with_its_argument_types(
    project: Project,
) -> None:
    project.write("routines.sql", AGGREGATE)
    project.write(
        "again.sql",
        "create aggregate app.csv_agg(text) (sfunc = app.csv_step, stype = text);\n",
    )
    result = project.run("validate")
    assert result.exit_code == 2
    assert "aggregate app.csv_agg(text) is declared twice" in result.output
