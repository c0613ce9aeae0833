"""The copy of the target a plan is proven on is the target (issue 23): what pg_dump
--schema-only leaves as it is not (a materialized view created WITH NO DATA, an extension at
the shadow's default version) is put back, so a plan is not refused for the copy's sake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from creo_schema.plan.verify import METHOD
from tests.integration.cli import Project
from tests.integration.test_quick_paths import _drop_kept_desired_states

SCHEMA = """\
create extension citext version '1.5';
create table public.t (x int);
create materialized view public.mv as select x from public.t;
create materialized view public.over_mv as select count(*) as n from public.mv;
create materialized view public.empty_mv as select 1 as y with no data;
"""


def test_a_populated_materialized_view_and_an_older_extension_are_copied_exactly(
    tmp_path: Path, make_db: Any
) -> None:
    project = Project(tmp_path, make_db(platform="none"))
    (tmp_path / "creo-schema.toml").write_text('platform = "none"\n')
    project.execute(SCHEMA)  # the target as it is
    project.write("schema.sql", SCHEMA + "create table public.u (id int);\n")
    assert project.run("plan").exit_code == 0  # keeps the desired state: the quick proof
    _drop_kept_desired_states()
    planned = project.run("plan", "--format", "json")
    assert planned.exit_code == 0, planned.output
    verification = json.loads(planned.stdout)["verification"]
    assert verification["verified"] and verification["method"] == METHOD, verification
