"""Roles as code without a server: what schema/roles/ declares, and what the differ writes
from two role states (the order: roles frame the plan)."""

from __future__ import annotations

from typing import Any

import pytest

from creo_schema.catalog import KINDS
from creo_schema.catalog.model import Role, RoleMembership
from creo_schema.catalog.reader import CatalogSnapshot
from creo_schema.diff.differ import diff
from creo_schema.diff.kinds.routines import setting_value
from creo_schema.errors import InputError
from creo_schema.source.model import SourceFile
from creo_schema.source.roles import read_declarations, refuse_for_major


def _declare(text: str) -> Any:
    return read_declarations([SourceFile("schema/roles/app.sql", text, roles=True)])


def test_names_needs_and_run_order() -> None:
    found = _declare(
        "grant b to a;\ncreate role a in role b;\ncreate user b password null;\n"
        "comment on role a is 'x';\nalter role a set work_mem = '1MB';\n"
    )
    assert found.names == ("a", "b")
    assert found.named() == {"a", "b"}
    order = [s.creates or s.kind for s in found.in_run_order()]
    assert order == ["b", "a", "membership", "comment", "setting"]


def test_a_cycle_of_memberships_is_located() -> None:
    found = _declare("create role a in role b;\ncreate role b in role a;\n")
    with pytest.raises(InputError, match="cycle: a -> b -> a") as error:
        found.in_run_order()
    assert str(error.value.location) == "schema/roles/app.sql:1:1"


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("create role a password 'x';", "1:24", "password written in the file"),
        ("create role pg_a;", "1:1", "PostgreSQL's own roles"),
        ("create role a sysid 5;", "1:15", "option sysid"),
        ("create role a;\nalter role a set x from current;", "2:1", "declares nothing"),
        ("create role a;\ngrant a to current_user;", "2:12", "never CURRENT_USER"),
        ("create role a;\ngrant a to b granted by c;", "2:25", "GRANTED BY"),
        ("grant x to y;", "1:1", "roles schema/roles/ does not declare"),
        (
            "create role a;\nalter role a set work_mem = 1;\nalter role a set WORK_MEM = 2;",
            "3:1",
            "declared twice",
        ),
    ],
)
def test_bad_declarations(text: str, where: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as error:
        _declare(text)
    assert str(error.value.location) == f"schema/roles/app.sql:{where}"


def test_inherit_and_set_options_need_16() -> None:
    found = _declare("create role a;\ncreate role b;\ngrant a to b with set false;\n")
    refuse_for_major(found, 16)
    with pytest.raises(InputError, match="need PostgreSQL 16") as error:
        refuse_for_major(found, 15)
    assert str(error.value.location) == "schema/roles/app.sql:3:19"


def test_list_settings_come_back_as_strings() -> None:
    assert setting_value("search_path", 'app, "My ""Schema""", "$user"') == (
        "'app', 'My \"Schema\"', '$user'"
    )
    assert setting_value("search_path", '""') == "''"  # an empty path stays one
    assert setting_value("search_path", '" a ", b') == "' a ', 'b'"


def _role(name: str, **attributes: Any) -> Role:
    values: dict[str, Any] = dict(
        superuser=False,
        createdb=False,
        createrole=False,
        inherit=True,
        login=False,
        replication=False,
        bypassrls=False,
        connection_limit=-1,
        valid_until=None,
        settings=(),
        comment=None,
    )
    values.update(attributes)
    return Role(name, **values)


def _snapshot(roles: tuple[Role, ...], memberships: tuple[RoleMembership, ...] = ()) -> Any:
    values: dict[str, Any] = {kind: () for kind in KINDS}
    return CatalogSnapshot(
        server_version=180000,
        current_user="postgres",
        schema_names=("public",),
        roles=roles,
        role_memberships=memberships,
        **values,
    )


def test_roles_frame_the_changes() -> None:
    """Created and granted first, revoked and dropped last; the rollback mirrors it."""
    before = _snapshot((_role("old"), _role("g")), (RoleMembership("g", "old", False, True, True),))
    after = _snapshot(
        (_role("g", login=True, settings=("work_mem=1MB",)), _role("new")),
        (RoleMembership("g", "new", True, False, True),),
    )
    up = [c.sql for c in diff(before, after)]
    assert up == [
        "create role new",
        "alter role g with login",
        "alter role g set work_mem = '1MB'",
        "grant g to new with admin true, inherit false, set true",
        "revoke g from old",
        "drop role old",
    ]
    down = [c.sql for c in diff(after, before)]
    assert down == [
        "create role old",
        "alter role g with nologin",
        "alter role g reset work_mem",
        "grant g to old with admin false, inherit true, set true",
        "revoke g from new",
        "drop role new",
    ]
