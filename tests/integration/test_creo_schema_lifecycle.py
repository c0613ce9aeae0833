"""The Creo schema itself: planned from an empty database, applied, and in sync after."""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.shadow.cluster import Cluster
from tests.integration.cli import Project

ROOT = Path(__file__).resolve().parents[2]


def test_creo_schema_from_empty_applies_and_leaves_no_drift(
    make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the repository's own pyproject.toml: managed schemas public, private
    project = Project(ROOT, make_db(cluster=server))

    planned = project.run("plan", "--format", "json")
    assert planned.exit_code == 0, planned.output
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output

    drift = project.run("drift")
    assert drift.exit_code == 0, drift.stdout
    tables = set(project.tables())
    assert {
        "public.user_profiles",
        "public.orders",
        "public.downloads",
        "public.payments",
        "public.api_keys",
        "public.user_preferences",
        "public.saved_searches",
        "public.admin_logs",
        "public.system_settings",
    } <= tables
    # the reference data arrived with the schema, and plans as nothing once there
    assert project.query(
        "select count(*) > 0 from public.system_settings where key = 'feature.ai_generation'"
    ) == [(True,)]

    # a changed declared row is planned as an UPDATE of that row only; undeclared rows stay
    project.execute(
        "insert into public.system_settings (key, value, description, category, is_public) "
        "values ('local.extra', '1', 'added at run time', 'general', false)"
    )
    project.execute(
        "update public.system_settings set value = 'false' where key = 'feature.ai_generation'"
    )
    drifted = project.run("drift")
    assert drifted.exit_code == 1
    assert (
        "update public.system_settings set value = 'true'::jsonb where key = 'feature.ai_generation'"
        in drifted.stdout
    )
    assert "local.extra" not in drifted.stdout


def test_the_creo_schema_pulled_back_is_proven(
    make_db, server: Cluster, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Adopting the Creo database as if it had been made by hand: `pull` writes it into a
    new schema/ (a file per table, function, type, view) and proves it, and that schema/
    is in sync with the database it came from."""
    from click.testing import CliRunner

    from creo_schema.cli import cli

    monkeypatch.chdir(ROOT)  # the repository's own pyproject.toml: managed schemas public, private
    project = Project(ROOT, make_db(cluster=server))
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output

    pulled_dir = tmp_path / "schema"
    base = ["--schema-dir", str(pulled_dir), "--database-url", project.url]
    pulled = CliRunner().invoke(cli, [*base, "pull"], catch_exceptions=False)
    assert pulled.exit_code == 1, pulled.output
    assert "it plans nothing" in pulled.output
    files = {str(p.relative_to(pulled_dir)) for p in pulled_dir.rglob("*.sql")}
    assert {
        "public/tables/user_profiles.sql",
        "public/functions/add_credits.sql",
        "private/functions/handle_new_user.sql",
        "public/views/user_dashboard.sql",
        "public/types/order_status.sql",
        "triggers.sql",  # the sign-up trigger, on auth.users
    } <= files
    drift = CliRunner().invoke(cli, [*base, "drift"], catch_exceptions=False)
    assert drift.exit_code == 0, drift.output
