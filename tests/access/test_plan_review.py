"""The plan's access review through the command line: a loosened policy and a grant to anon
on a database that has the tables; the sentences, the refusal without --allow-hazard, and
`drift --format markdown`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import Project

TABLES = """\
create table public.orders (
  id bigint primary key,
  user_id uuid not null,
  total numeric not null
);
alter table public.orders enable row level security;
grant select, update on public.orders to authenticated;
create index orders_user_id_idx on public.orders (user_id);
"""
POLICIES = """\
create policy orders_select_own on public.orders for select to authenticated
  using (user_id = (select auth.uid()));
create policy orders_update_own on public.orders for update to authenticated
  using (user_id = (select auth.uid()));
"""


@pytest.fixture
def applied(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    project = Project(tmp_path, fresh_db)
    project.write("tables.sql", TABLES)
    project.write("policies.sql", POLICIES)
    result = project.run("apply", "--auto-approve", "--no-backup")
    assert result.exit_code == 0, result.output
    return project


def test_the_review_of_a_change(applied: Project) -> None:
    applied.write(
        "policies.sql",
        POLICIES.replace(
            "for select to authenticated\n  using (user_id = (select auth.uid()))",
            "for select to authenticated\n  using (true)",
        ),
    )
    applied.write("tables.sql", TABLES + "grant select on public.orders to anon;\n")
    refused = applied.run("plan")
    assert refused.exit_code == 4, refused.output
    assert "Access changes:" in refused.stdout
    assert (
        "  + authenticated: SELECT on public.orders now all rows (policy orders_select_own "
        "admits every row) (was rows limited by orders_select_own using ((user_id = ( SELECT "
        "auth.uid() AS uid))))"
    ) in refused.stdout.splitlines()
    assert (
        "  + anon gains SELECT on public.orders (rows limited by policy orders_select_own... "
        not in refused.stdout
    )
    assert "-- access: authenticated: SELECT on public.orders now all rows" in refused.stdout
    # anon holds SELECT now, but no policy admits anon: told, and not a widening of rows
    assert "anon" not in refused.stdout.split("Access changes:")[1].split("\n\n")[0]
    assert refused.stderr.splitlines()[0].startswith(
        "error: the plan has weakens_security hazards: "
    )
    assert refused.stderr.splitlines()[0].endswith(
        " - authenticated: SELECT on public.orders now all rows (policy orders_select_own admits "
        "every row) (was rows limited by orders_select_own using ((user_id = ( SELECT auth.uid() "
        "AS uid))))"
    )
    allowed = applied.run("plan", "--allow-hazard", "weakens_security", "--format", "json")
    assert allowed.exit_code == 0, allowed.output
    body = json.loads(allowed.stdout)
    assert [(a["role"], a["command"], a["widens"]) for a in body["access"]] == [
        ("authenticated", "select", True)
    ]
    # the statements about public.orders carry the sentence: the policy's, and the grant's
    hazardous = {s["kind"]: s for s in body["statements"] if s["notes"]}
    assert set(hazardous) == {"policy", "table"}, body["statements"]
    assert all("weakens_security" in s["hazards"] for s in hazardous.values())

    drift = applied.run("drift", "--format", "markdown")
    assert drift.exit_code == 1, drift.output
    assert "#### Access changes" in drift.stdout
    assert (
        "- **widens**: authenticated: SELECT on public.orders now all rows (policy "
        "orders_select_own admits every row)"
    ) in drift.stdout
    _anon_gains_rows_and_a_narrowing_is_no_hazard(applied)


def _anon_gains_rows_and_a_narrowing_is_no_hazard(applied: Project) -> None:
    """On the same target (nothing was applied): run from the test above, one database."""
    applied.write(
        "policies.sql",
        POLICIES
        + "create policy orders_public on public.orders for select to anon using (total > 100);\n",
    )
    applied.write("tables.sql", TABLES + "grant select on public.orders to anon;\n")
    refused = applied.run("plan")
    assert refused.exit_code == 4, refused.output
    assert (
        "  + anon gains SELECT on public.orders (rows limited by orders_public using ((total > (100)::numeric)))"
        in refused.stdout.splitlines()
    )

    applied.write(
        "policies.sql",
        POLICIES.replace(
            "using (user_id = (select auth.uid()));\ncreate policy orders_update_own",
            "using (user_id = (select auth.uid()) and total > 0);\ncreate policy orders_update_own",
        ),
    )
    applied.write("tables.sql", TABLES)
    narrowed = applied.run("plan")
    assert narrowed.exit_code == 0, narrowed.output
    assert (
        "  - authenticated: SELECT on public.orders now rows limited by orders_select_own using "
        "(((user_id = ( SELECT auth.uid() AS uid)) AND (total > (0)::numeric))) (was rows limited "
        "by orders_select_own using ((user_id = ( SELECT auth.uid() AS uid))))"
    ) in narrowed.stdout.splitlines()


def test_a_multi_line_policy_stays_inside_its_comments(applied: Project) -> None:
    """The catalog prints a sub-select over several lines: each is still a comment in the
    plan's SQL, an indented line of its item under "Access changes", and the refusal is
    one line (issue 24)."""
    applied.write(
        "policies.sql",
        POLICIES.replace(
            "for select to authenticated\n  using (user_id = (select auth.uid()))",
            "for select to authenticated\n  using (exists (select 1 from public.orders o\n"
            "    where o.id = orders.id and o.total > 0))",
        ),
    )
    refused = applied.run("plan")
    assert refused.exit_code == 4, refused.output
    error = refused.stderr.splitlines()
    assert error[0].startswith("error: the plan has weakens_security hazards: "), error
    assert "FROM public.orders o WHERE" in error[0] and error[1].startswith("hint: "), error

    shown = applied.run("plan", "--allow-hazard", "weakens_security")
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("-- access: ")]
    assert starts, shown.stdout
    for start in starts:
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("-- hazard "))
        note = lines[start:end]
        assert len(note) > 1, note  # the expression does span lines
        assert all(line.startswith("-- ") for line in note), note
    review = lines[lines.index("Access changes:") + 1 :]
    item = review[: next(i for i, line in enumerate(review) if not line.startswith("  "))]
    assert item[0].startswith("  + authenticated: SELECT on public.orders now rows limited by ")
    assert len(item) > 1 and all(line.startswith("    ") for line in item[1:]), item
