"""Session settings in schema files (source/session.py): a dump's SET lines are left out of
the load with a note; a setting that would change what the file declares stays an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from pglast import parse_sql

from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.parse import parse_files
from creo_schema.source.session import SESSION_SETTING, is_session_setting
from creo_schema.source.validate import validate_source

HARMLESS = [
    "SET statement_timeout = 0",
    "SET lock_timeout = 0",
    "SET idle_in_transaction_session_timeout = 0",
    "SET client_encoding = 'UTF8'",
    "SET standard_conforming_strings = on",
    "SELECT pg_catalog.set_config('search_path', '', false)",
    "select set_config('search_path', 'public', false)",
    "SET check_function_bodies = false",
    "SET xmloption = content",
    "SET client_min_messages = warning",
    "SET row_security = off",
    "SET default_tablespace = ''",
    "SET default_table_access_method = heap",
    "set search_path = ''",
    'set search_path to "$user", public',
    "SET LOCAL lock_timeout = '1s'",
    "reset statement_timeout",
    "reset all",
]
MEANINGFUL = [
    "set search_path = app",
    "set search_path to public, app",
    "SELECT pg_catalog.set_config('search_path', 'app', false)",
    "set role postgres",
    "set session authorization someone",
    "SET standard_conforming_strings = off",
    "SET default_tablespace = fast_disk",
    "set transaction isolation level serializable",
    "select 1",
    "select set_config('search_path', '', false) from pg_class",
]


@pytest.mark.parametrize("sql", HARMLESS)
def test_a_dump_setting_is_a_session_setting(sql: str) -> None:
    assert is_session_setting(parse_sql(sql)[0].stmt)


@pytest.mark.parametrize("sql", MEANINGFUL)
def test_a_setting_that_changes_the_meaning_is_not(sql: str) -> None:
    assert not is_session_setting(parse_sql(sql)[0].stmt)


def test_validate_notes_them_and_still_rejects_the_others(tmp_path: Path) -> None:
    text = (
        "SET statement_timeout = 0;\n"
        "SELECT pg_catalog.set_config('search_path', '', false);\n"
        "create table public.t (id int primary key);\n"
        "set search_path = app;\n"
    )
    sources = (SourceFile("schema/dump.sql", text),)
    statements = tuple(parse_files(sources))
    assert [s.kind for s in statements][:2] == [SESSION_SETTING, SESSION_SETTING]
    findings = validate_source(SourceSet(str(tmp_path / "schema"), sources, statements))
    got = [(f.level, f.rule, f.location.line if f.location else 0) for f in findings]
    assert got == [
        ("info", "session-setting", 1),
        ("info", "session-setting", 2),
        ("error", "non-declarative", 4),
    ], "\n".join(f.text() for f in findings)
    assert "set_config('search_path', '', false)" in findings[1].message
