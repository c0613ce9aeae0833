"""Plain PostgreSQL (`platform = "none"`) in the settings and the static rules (no database):
which schemas are reserved, the `roles` key, and where a role may come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from creo_schema.config import Settings
from creo_schema.errors import InputError
from creo_schema.plan.unchanged import desired_state_key
from creo_schema.roles import roles_in_sql
from creo_schema.source.catalog_names import KnownRoles
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.parse import parse_files
from creo_schema.source.validate import validate_source
from tests.unit.test_config_and_urls import _project

AUTH = """\
create schema auth;
create table auth.accounts (id bigint primary key);
create table public.notes (id bigint primary key, account_id bigint references auth.accounts (id));
alter table public.notes owner to app_owner;
grant select on public.notes to app_reader;
"""


def _source(tmp_path: Path, sql: str) -> SourceSet:
    path = tmp_path / "schema" / "a.sql"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sql)
    files = (SourceFile(str(path), sql),)
    return SourceSet(str(tmp_path / "schema"), files, tuple(parse_files(files)))


def _messages(tmp_path: Path, sql: str, platform: str, roles: KnownRoles) -> list[str]:
    return [f.text() for f in validate_source(_source(tmp_path, sql), platform, roles)]


def test_plain_postgres_reserves_only_postgres_and_the_tool() -> None:
    managed = ("public", "auth", "extensions", "storage", "realtime")
    assert Settings(platform="none", managed_schemas=managed).managed_schemas == managed


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('managed_schemas = ["auth"]', "auth belongs to the platform (supabase)"),
        ('platform = "supabase-legacy"\nmanaged_schemas = ["storage"]', "(supabase-legacy)"),
        ('platform = "none"\nmanaged_schemas = ["creo_schema"]', "belongs to creo-schema"),
        ('platform = "none"\nmanaged_schemas = ["pg_catalog"]', "pg_catalog belongs to PostgreSQL"),
        ('platform = "none"\nmanaged_schemas = ["pg_temp_7"]', "pg_temp_7 belongs to PostgreSQL"),
        ('roles = ["pg_read_all_data"]', "configuration key 'roles': pg_read_all_data"),
        ('roles = [""]', "is not a role name"),
        ('roles = ["' + "r" * 64 + '"]', "1 to 63 bytes"),
    ],
)
def test_reserved_schemas_and_role_names_are_refused(
    tmp_path: Path, lines: str, message: str
) -> None:
    from creo_schema.config import load_settings

    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(cwd=_project(tmp_path, lines), environ={})


def test_a_schema_named_auth_is_the_users_on_plain_postgres(tmp_path: Path) -> None:
    roles = KnownRoles(frozenset({"app_owner", "app_reader"}))
    assert _messages(tmp_path, AUTH, "none", roles) == []
    # What it does not declare is not assumed to exist, as the Supabase prelude's would be.
    missing = AUTH + "create view public.v as select * from storage.objects;\n"
    assert any(
        "schema storage is not declared" in m for m in _messages(tmp_path, missing, "none", roles)
    )


def test_roles_come_from_the_configuration_or_the_target(tmp_path: Path) -> None:
    asked: list[bool] = []

    def target() -> frozenset[str]:
        asked.append(True)
        return frozenset({"app_reader"})

    # Every role configured: the target is not even asked.
    assert (
        _messages(
            tmp_path, AUTH, "none", KnownRoles(frozenset({"app_owner", "app_reader"}), target)
        )
        == []
    )
    assert asked == []
    assert _messages(tmp_path, AUTH, "none", KnownRoles(frozenset({"app_owner"}), target)) == []
    assert asked == [True]
    found = _messages(tmp_path, AUTH, "none", KnownRoles(frozenset(), target))
    assert len(found) == 1 and "a.sql:4:35: error unresolved: role app_owner" in found[0], found
    assert "not on the target, and not in `roles`" in found[0]


def test_without_a_target_the_message_says_so(tmp_path: Path) -> None:
    found = _messages(tmp_path, AUTH, "none", KnownRoles(frozenset({"app_owner"})))
    assert len(found) == 1, found
    assert (
        "a.sql:5:33: error unresolved: role app_reader is not provided by the platform, "
        "not in `roles`, and there is no target to look it up on"
    ) in found[0]


def test_the_roles_a_plan_names() -> None:
    statements = [
        "grant select on table public.notes to app_reader, public",
        "alter table public.notes owner to app_owner",
        "create policy p on public.notes for select to app_policy, current_user using (true)",
        "alter default privileges for role app_definer in schema public grant select on tables to app_default",
        "revoke select on table public.notes from pg_read_all_data",
        "create table public.t (id int)",
        "not sql at all",
    ]
    assert roles_in_sql(statements) == {
        "app_reader",
        "app_owner",
        "app_policy",
        "app_definer",
        "app_default",
    }


def test_the_configured_roles_shape_the_remembered_desired_state() -> None:
    plain = Settings(platform="none")
    with_roles = Settings(platform="none", roles=("app_reader",))
    assert desired_state_key(plain, "f", 18, "postgres") != desired_state_key(
        with_roles, "f", 18, "postgres"
    )
