"""Settings precedence, configuration errors and password redaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.config import load_settings
from creo_schema.errors import InputError
from creo_schema.urls import redact_text, redact_url


def _project(tmp_path: Path, table: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        f"[project]\nname = 'x'\n\n[tool.creo-schema]\n{table}\n"
    )
    return tmp_path


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    cwd = _project(
        tmp_path, 'database_url = "postgresql://file/db"\nplatform = "none"\nschema_dir = "db"'
    )
    from_file = load_settings(cwd=cwd, environ={})
    assert from_file.database_url == "postgresql://file/db"
    assert from_file.schema_dir == cwd / "db"
    from_env = load_settings(cwd=cwd, environ={"DATABASE_URL": "postgresql://env/db"})
    assert from_env.database_url == "postgresql://env/db"
    assert from_env.platform == "none"
    from_flag = load_settings(
        cwd=cwd,
        environ={"DATABASE_URL": "postgresql://env/db"},
        flags={"database_url": "postgresql://flag/db"},
    )
    assert from_flag.database_url == "postgresql://flag/db"


def test_unknown_key_is_named_with_its_line_and_a_suggestion(tmp_path: Path) -> None:
    cwd = _project(tmp_path, 'schema_dir = "schema"\nschmea_dir = "x"')
    with pytest.raises(InputError) as caught:
        load_settings(cwd=cwd, environ={})
    error = caught.value
    assert error.exit_code == 2
    assert (
        error.one_line() == f"{cwd / 'pyproject.toml'}:6:1: unknown configuration key 'schmea_dir'"
    )
    assert error.hint == "did you mean 'schema_dir'?"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('platform = "heroku"', "configuration key 'platform'"),
        ('managed_schemas = ["auth"]', "auth belongs to the platform"),
        ('lock_timeout = "soon"', "expected a PostgreSQL duration"),
        ('shadow = "mysql://x"', "expected auto, embedded, local, docker or a postgresql:// URL"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_settings(cwd=_project(tmp_path, line), environ={})


def test_invalid_toml_is_located(tmp_path: Path) -> None:
    (tmp_path / "creo-schema.toml").write_text('schema_dir = "a"\nplatform = \n')
    with pytest.raises(InputError) as caught:
        load_settings(cwd=tmp_path, environ={})
    assert str(caught.value.location).endswith("creo-schema.toml:2:12")


def test_missing_config_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_settings(config_file=tmp_path / "nope.toml", environ={})


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://admin:s3cr3t-pw@db.example.com:5432/app",
        "postgres://admin:s3cr3t-pw@db.example.com/app?sslmode=require",
        "host=db.example.com user=admin password=s3cr3t-pw dbname=app",
        "postgresql://db.example.com/app?user=admin&password=s3cr3t-pw",
    ],
)
def test_redaction_removes_the_password_in_every_url_form(url: str) -> None:
    assert "s3cr3t-pw" not in redact_url(url)
    assert "***" in redact_url(url)
    assert "s3cr3t-pw" not in redact_text(f"failed for {url}: password s3cr3t-pw rejected", url)
