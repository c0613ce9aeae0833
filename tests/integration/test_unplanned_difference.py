"""An empty plan is a promise that the target is the desired state: where the catalogs still
differ and the differ found nothing to run (a field it does not compare yet), `plan`,
`apply` and `drift` refuse by name instead of reporting "in sync" (issue 23: never exit 0
with the database still different)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from creo_schema.diff import differ
from creo_schema.plan import assemble
from tests.integration.cli import Project


def _blind_differ(current: Any, desired: Any) -> differ.BothWays:
    """The real differ's two sides, with no change found: as a differ with a blind spot."""
    found = differ.diff_both(current, desired)
    return differ.BothWays([], [], found.current, found.desired)


@pytest.mark.parametrize("command", ["plan", "apply", "drift"])
def test_a_difference_without_a_statement_is_refused(
    command: str, fresh_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(tmp_path, fresh_db)
    project.write("app.sql", "create table public.notes (id bigint primary key, body text);\n")
    monkeypatch.setattr(assemble, "diff_both", _blind_differ)

    args = ("apply", "--auto-approve") if command == "apply" else (command,)
    result = project.run(*args)

    assert result.exit_code == 4, result.output + result.stderr
    assert "the target differs from schema/ where creo-schema plans no statement" in result.stderr
    assert "relation public.notes: only in schema/" in result.stderr
    assert project.tables() == []
