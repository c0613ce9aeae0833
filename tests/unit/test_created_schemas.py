"""Which schemas schema/ creates (source/schemas.py): each is managed, so a word in a
comment or a function body must never count as one."""

from __future__ import annotations

from creo_schema.source.model import SourceFile
from creo_schema.source.schemas import created_schemas


def test_only_create_schema_statements_count() -> None:
    text = (
        "-- create schema in_a_comment\n"
        "create function public.f() returns void language plpgsql as $$\n"
        "begin execute 'create schema in_a_body'; end $$;\n"
        'CREATE SCHEMA IF NOT EXISTS "Mixed";\n'
        "create schema authorization app_owner;\n"
        "create table public.t (note text default 'create schema in_a_string');\n"
    )
    assert created_schemas([SourceFile("a.sql", text)]) == ("Mixed", "app_owner")


def test_a_syntax_error_elsewhere_hides_no_schema() -> None:
    """The parse step reports the error, located; the schema is still managed meanwhile."""
    text = "create schema app;\ncreate tabel x ();\n"
    assert created_schemas([SourceFile("a.sql", text)]) == ("app",)
