"""Global options are accepted after the command too, as people type them (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from creo_schema.cli import cli
from tests.conftest import DbFactory
from tests.integration.cli import LINTS_OFF


def _project(root: Path) -> Path:
    (root / "schema").mkdir()
    (root / "schema" / "t.sql").write_text("create table public.t (id bigint primary key);\n")
    (root / "other").mkdir()
    (root / "other" / "broken.sql").write_text("create table public.t (id bigint primary key;\n")
    config = root / "creo-schema.toml"
    config.write_text(LINTS_OFF)
    return config


def test_schema_dir_after_the_command_is_used(tmp_path: Path, make_db: DbFactory) -> None:
    config = _project(tmp_path)
    args = ["--config", str(config), "--database-url", make_db()]

    result = CliRunner().invoke(cli, ["validate", *args, "--schema-dir", str(tmp_path / "other")])

    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'other' / 'broken.sql'}:1:" in result.output
    assert "No such option" not in result.output
    good = CliRunner().invoke(cli, ["validate", "--schema-dir", str(tmp_path / "schema"), *args])
    assert good.exit_code == 0, good.output


def test_the_same_option_with_two_values_is_bad_input(tmp_path: Path) -> None:
    _project(tmp_path)
    result = CliRunner().invoke(
        cli, ["--schema-dir", "schema", "validate", "--schema-dir", "other"]
    )

    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "error: --schema-dir given twice with different values: schema and other "
        "(in `cli validate`)"
    ), result.output


def test_format_after_a_subgroup_command_is_one_json_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["dev", "status", "--format", "json"])

    # 0 running, 1 stopped (as in text): whichever this worker's dev server is now
    assert result.exit_code == (0 if json.loads(result.stdout)["running"] else 1), result.output
    both = CliRunner().invoke(cli, ["--format", "text", "dev", "status", "--format", "json"])
    assert both.exit_code == 2
    assert "--format given twice with different values: text and json" in both.stderr


def test_same_value_in_both_places_is_fine(tmp_path: Path, make_db: DbFactory) -> None:
    config = _project(tmp_path)
    schema = str(tmp_path / "schema")
    args = ["--config", str(config), "--database-url", make_db()]
    result = CliRunner().invoke(
        cli, ["--schema-dir", schema, "validate", "--schema-dir", schema, *args]
    )
    assert result.exit_code == 0, result.output


def test_dev_reset_without_a_person_or_yes_is_refused(tmp_path: Path) -> None:
    # The confirmation policy lives in commands/confirm.py; the CLI only supplies the prompt.
    result = CliRunner().invoke(cli, ["dev", "reset"])

    assert result.exit_code == 4
    assert result.stderr.splitlines() == [
        "error: dev database not reset",
        "hint: pass --auto-approve (or --yes) to go on non-interactively",
    ]


def test_two_database_urls_are_named_without_their_passwords() -> None:
    before = ["--database-url", "postgresql://u:first-secret@h/a"]
    after = ["--database-url", "postgresql://u:second-secret@h/b"]
    result = CliRunner().invoke(cli, [*before, "drift", *after])

    assert result.exit_code == 2
    assert "secret" not in result.output
    assert result.stderr.splitlines()[0] == (
        "error: --database-url given twice with different values: postgresql://u:***@h/a "
        "and postgresql://u:***@h/b (in `cli drift`)"
    )
