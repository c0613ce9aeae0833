"""Never a traceback (issue 14, item 4): an exception no module expected (a bug, planted
here) is one line naming the command and the exception, exit 4; `--debug` shows the
traceback instead. The real process is run where the exact stderr matters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli

LINE = (
    "error: internal error in {command}: ValueError: a planted bug (this is a bug; run with "
    "--debug for the traceback)\n"
)
# A bug planted where `validate` starts, before any database is needed.
PLANT = (
    "import creo_schema.commands.validating as validating\n"
    "def planted(*args, **kwargs):\n"
    "    raise ValueError('a planted\\nbug')\n"
    "validating.discover = planted\n"
    "from creo_schema.cli import main\n"
    "main()\n"
)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PLANT, "--schema-dir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def _planted(*args: object, **kwargs: object) -> None:
    raise ValueError("a planted bug")


def test_a_bug_is_one_line_and_exit_4(tmp_path: Path) -> None:
    done = _run(tmp_path, "validate")
    assert done.returncode == 4
    assert done.stderr == LINE.format(command="validate")
    assert done.stdout == ""


def test_with_debug_the_traceback_is_shown(tmp_path: Path) -> None:
    done = _run(tmp_path, "--debug", "validate")
    assert done.returncode == 1  # Python's own exit for an uncaught exception
    assert "Traceback (most recent call last)" in done.stderr
    assert "ValueError: a planted\nbug" in done.stderr


def test_the_json_document_carries_the_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import creo_schema.commands.validating as validating

    monkeypatch.setattr(validating, "discover", _planted)
    result = CliRunner().invoke(
        cli, ["--schema-dir", str(tmp_path), "validate", "--format", "json"]
    )
    assert result.exit_code == 4
    document = json.loads(result.stdout)
    assert document["format"] == "creo-schema/error"
    assert document["exit_code"] == 4
    assert document["error"] == {
        "kind": "internal",
        "message": LINE.format(command="validate").removeprefix("error: ").rstrip("\n"),
    }
    assert "Traceback" not in result.output


def test_a_subcommand_is_named_and_passwords_are_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import creo_schema.backup as backup

    def leaky(*args: object, **kwargs: object) -> None:
        raise RuntimeError("could not reach postgresql://app:Sup3r-Secret-42@db.example/app")

    monkeypatch.setattr(backup, "list_backups", leaky)
    result = CliRunner().invoke(
        cli, ["--database-url", "postgresql://app:Sup3r-Secret-42@db.example/app", "backup", "list"]
    )
    assert result.exit_code == 4
    assert result.stderr == (
        "error: internal error in backup list: RuntimeError: could not reach "
        "postgresql://app:***@db.example/app (this is a bug; run with --debug for the traceback)\n"
    )
