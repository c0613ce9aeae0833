"""A schema file written by pg_dump plans and applies as it is: its session settings are
left out of the load (source/session.py), its declarations are the desired state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import Project

DUMP = """\
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.items (
    id integer NOT NULL,
    name text
);

ALTER TABLE public.items ENABLE ROW LEVEL SECURITY;

CREATE SEQUENCE public.items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.items_id_seq OWNED BY public.items.id;

ALTER TABLE ONLY public.items ALTER COLUMN id SET DEFAULT nextval('public.items_id_seq'::regclass);

ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);
"""


@pytest.fixture
def project(tmp_path: Path, fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, fresh_db)


def test_a_pg_dump_file_is_applied_with_its_settings_left_out(project: Project) -> None:
    project.write("dump.sql", DUMP)
    checked = project.run("validate")
    assert checked.exit_code == 0, checked.output
    assert "schema/dump.sql:6:1: info session-setting" in checked.output
    applied = project.run("apply", "--auto-approve", "--no-backup")
    assert applied.exit_code == 0, applied.output
    again = json.loads(project.run("plan", "--format", "json").stdout)
    assert again["statements"] == []


def test_a_setting_that_would_change_the_declarations_is_still_refused(project: Project) -> None:
    project.write("dump.sql", DUMP.replace("'search_path', ''", "'search_path', 'app'"))
    refused = project.run("plan")
    assert refused.exit_code == 2, refused.output
    assert "schema/dump.sql:6:1" in refused.output
    assert "Traceback" not in refused.output
