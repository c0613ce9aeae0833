"""Subscriptions without a database (issue 23): what schema/ may declare and how a bad
declaration is named, what the shadow runs, the SQL the differ writes each way, and the
connection string taken from the environment and never kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pglast
import pytest

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.model import Subscription
from creo_schema.catalog.versioned import for_server
from creo_schema.config import load_settings
from creo_schema.diff.change import Unplannable
from creo_schema.diff.differ import diff
from creo_schema.diff.effects import Transaction
from creo_schema.errors import InputError
from creo_schema.plan.conninfo import refuse_unset, server_sql
from creo_schema.plan.hazards import Hazard, hazards_of
from creo_schema.plan_document import PlannedStatement, render_sql
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.parse import parse_files
from creo_schema.source.subscriptions import (
    SHADOW_CONNINFO,
    created_subscriptions,
    declared,
    shadow_sql,
)
from creo_schema.source.validate import validate_source

SETTINGS = {"feed": "FEED_URL"}


def _findings(sql: str, settings: dict[str, str] | None = SETTINGS) -> list[tuple[str, str, str]]:
    files = (SourceFile("schema/feeds.sql", sql),)
    source = SourceSet("schema", files, tuple(parse_files(files)))
    found = validate_source(source, "none", subscriptions=settings)
    return [
        (f.rule, f"{f.location.line}:{f.location.column}" if f.location else "", f.message)
        for f in found
    ]


def test_a_declaration_with_an_empty_connection_and_its_setting_passes() -> None:
    sql = "create subscription feed connection '' publication orders with (connect = false);"
    assert _findings(sql) == []


@pytest.mark.parametrize(
    ("sql", "settings", "rule", "where", "fragment"),
    [
        (
            "create subscription feed\n  connection 'host=p password=x' publication p;",
            SETTINGS,
            "subscription-connection",
            "2:14",
            "a password must never be in a file: its CONNECTION must be ''",
        ),
        (
            "create subscription feed connection 'host=p' publication p;",
            SETTINGS,
            "subscription-connection",
            "1:37",
            "read from the environment variable [subscriptions.feed] conninfo_env names",
        ),
        (
            "create subscription feed connection '' publication p;",
            {},
            "subscription-connection",
            "1:1",
            "subscription feed has no [subscriptions.feed] conninfo_env setting",
        ),
        (
            "create subscription feed connection '' publication p with (copy_data = maybe);",
            SETTINGS,
            "subscription-option",
            "1:60",
            "copy_data = maybe is not a boolean",
        ),
        (
            "create subscription feed connection '' publication p with (slot_name = none);",
            SETTINGS,
            "subscription-option",
            "1:60",
            "slot_name = NONE needs enabled = false and create_slot = false",
        ),
        (
            "alter subscription feed enable;",
            SETTINGS,
            "non-declarative",
            "1:1",
            "edit its CREATE SUBSCRIPTION",
        ),
        (
            "comment on subscription feed is 'x';",
            SETTINGS,
            "non-declarative",
            "1:1",
            "a subscription's comment is not managed yet",
        ),
        (
            "create subscription feed connection '' publication p with (connect = false);\n"
            "create subscription feed connection '' publication q with (connect = false);",
            SETTINGS,
            "duplicate",
            "2:1",
            "subscription feed is declared twice: here and at schema/feeds.sql:1:1",
        ),
    ],
    ids=[
        "password",
        "any_connection",
        "no_setting",
        "bad_boolean",
        "slot_none_enabled",
        "alter",
        "comment",
        "twice",
    ],
)
def test_a_bad_declaration_is_named_where_it_is_written(
    sql: str, settings: dict[str, str], rule: str, where: str, fragment: str
) -> None:
    found = _findings(sql, settings)
    assert [(r, w) for r, w, _ in found] == [(rule, where)], found
    assert fragment in found[0][2]


def test_no_configuration_at_hand_checks_no_setting() -> None:
    assert _findings("create subscription feed connection '' publication p;", None) == []


def _node(sql: str) -> Any:
    return pglast.parse_sql(sql)[0].stmt


def test_what_a_declaration_does_beyond_its_catalog_row() -> None:
    plain = declared(_node("create subscription f connection '' publication p"))
    assert (plain.connect, plain.create_slot, plain.copy_data, plain.enabled) == (
        True,
        True,
        True,
        True,
    )
    # connect = false turns the others off, whatever they say
    off = declared(_node("create subscription f connection '' publication p with (connect = off)"))
    assert (off.create_slot, off.copy_data, off.enabled) == (False, False, False)
    slotless = declared(
        _node(
            "create subscription f connection '' publication p"
            " with (create_slot = false, copy_data = 0, slot_name = NONE, enabled = false)"
        )
    )
    assert (slotless.create_slot, slotless.copy_data, slotless.slot_none) == (False, False, True)


def test_the_shadow_never_reaches_a_publisher_and_enables_as_declared() -> None:
    text = shadow_sql(
        _node(
            "create subscription f connection '' publication p, q"
            " with (copy_data = false, binary, slot_name = 's')"
        )
    )
    first, second = text.split(";\n")
    assert f"CONNECTION '{SHADOW_CONNINFO}'" in first
    assert first.endswith("WITH (\"binary\", slot_name = 's', connect = false)")
    assert second == "ALTER SUBSCRIPTION f ENABLE"
    disabled = shadow_sql(
        _node("create subscription f connection '' publication p with (enabled = false)")
    )
    assert ";" not in disabled and "enabled" not in disabled


def test_the_declared_names_are_found_cheaply() -> None:
    files = [
        SourceFile(
            "a.sql", "create table t (id int);\nCREATE SUBSCRIPTION b CONNECTION '' PUBLICATION p;"
        ),
        SourceFile(
            "b.sql",
            "-- create subscription x in a comment\ncreate subscription a connection '' publication p;",
        ),
        SourceFile("c.sql", "create function f() returns int language sql as $$ select 1 $$;"),
    ]
    assert created_subscriptions(files) == ("a", "b")


def test_columns_older_servers_lack_are_read_as_their_defaults() -> None:
    text = "select s.a,\n       s.b as b,  -- from 16, else true as b,\n  s.c -- from 17, else\n"
    assert for_server(text, 18) == "select s.a,\n       s.b as b,\n  s.c\n"
    assert for_server(text, 16) == "select s.a,\n       s.b as b,\n  \n"
    assert for_server(text, 15) == "select s.a,\n       true as b,\n  \n"


# -- the differ ---------------------------------------------------------------------------


def _feed(**fields: Any) -> Subscription:
    base: dict[str, Any] = {
        "name": "feed",
        "owner": "postgres",
        "enabled": True,
        "publications": ("orders",),
        "slot_name": "feed",
        "binary": False,
        "streaming": "parallel",
        "synchronous_commit": "off",
        "disable_on_error": False,
        "two_phase": False,
        "origin": "any",
        "password_required": True,
        "run_as_owner": False,
        "failover": False,
        "conninfo_env": "FEED_URL",
    }
    return Subscription(**{**base, **fields})


def _snapshot(*subscriptions: Subscription) -> CatalogSnapshot:
    empty = {
        f.name: ()
        for f in dataclasses.fields(CatalogSnapshot)
        if f.name not in ("server_version", "current_user")
    }
    values = {**empty, "server_version": 180000, "current_user": "postgres"}
    return CatalogSnapshot(**{**values, "subscriptions": subscriptions})


def _sql(before: tuple[Subscription, ...], after: tuple[Subscription, ...]) -> list[str]:
    return [c.sql for c in diff(_snapshot(*before), _snapshot(*after))]


def test_a_create_as_declared_names_the_variable_and_makes_its_slot_alone() -> None:
    (created,) = diff(_snapshot(), _snapshot(_feed(copy_data=True, binary=True)))
    assert created.sql == (
        "create subscription feed\n  connection :'FEED_URL'\n  publication orders"
        "\n  with (binary = true)"
    )
    assert created.effects.transaction is Transaction.OUTSIDE
    assert "connect = false" in created.details["shadow_sql"]
    assert created.details["shadow_sql"].endswith("alter subscription feed enable")
    assert hazards_of(created.effects) == [Hazard.REPLICATES_DATA, Hazard.NOT_TRANSACTIONAL]


def test_dropping_one_with_a_slot_disables_it_then_drops_the_slot_with_it() -> None:
    disable, drop = diff(_snapshot(_feed()), _snapshot())
    assert (disable.sql, drop.sql) == ("alter subscription feed disable", "drop subscription feed")
    assert drop.effects.transaction is Transaction.OUTSIDE
    assert disable.effects.transaction is Transaction.IN_TRANSACTION
    assert drop.details["shadow_sql"].startswith("alter subscription feed set (slot_name = none)")


def test_dropping_one_declared_without_a_slot_detaches_it_first() -> None:
    declared_off = _feed(enabled=False, connect=False, remote_slot=False)
    assert _sql((declared_off,), ()) == [
        "alter subscription feed set (slot_name = none)",
        "drop subscription feed",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            {"publications": ("a",)},
            {"publications": ("a", "b")},
            ["alter subscription feed add publication b"],
        ),
        (
            {"publications": ("a", "b"), "enabled": False},
            {"publications": ("a",), "enabled": False},
            ["alter subscription feed drop publication b with (refresh = false)"],
        ),
        (
            {"publications": ("a",), "enabled": False},
            {"publications": ("b",)},
            ["alter subscription feed enable", "alter subscription feed set publication b"],
        ),
        (
            {"slot_name": "one"},
            {"slot_name": "two", "binary": True},
            [
                "alter subscription feed disable",
                "alter subscription feed set (slot_name = 'two')",
                "alter subscription feed set (binary = true)",
                "alter subscription feed enable",
            ],
        ),
        (
            {"streaming": "parallel", "origin": "any"},
            {"streaming": "off", "origin": "none"},
            ["alter subscription feed set (streaming = off, origin = 'none')"],
        ),
    ],
    ids=["add", "drop_disabled", "set_and_enable", "slot_name", "options"],
)
def test_alters_in_place(old: dict[str, Any], new: dict[str, Any], expected: list[str]) -> None:
    assert _sql((_feed(**old),), (_feed(**new),)) == expected


def test_the_publishers_slot_options_are_refused_by_name() -> None:
    with pytest.raises(Unplannable, match="subscription feed: two_phase is an option of"):
        diff(_snapshot(_feed()), _snapshot(_feed(two_phase=True)))


# -- the connection string ------------------------------------------------------------------


def _create(name: str = "FEED_URL") -> PlannedStatement:
    return PlannedStatement(
        sql=f"create subscription feed connection :'{name}' publication p",
        kind="subscription",
        action="create",
        target="feed",
        conninfo_env=name,
    )


def test_the_value_is_put_in_only_when_the_statement_runs() -> None:
    value = "host=pub password=it's\\secret"
    assert server_sql(_create(), {"FEED_URL": value}) == (
        "create subscription feed connection E'host=pub password=it''s\\\\secret' publication p"
    )
    assert render_sql((_create(),)) == (
        "\\getenv FEED_URL FEED_URL\n"
        "create subscription feed connection :'FEED_URL' publication p;\n"
    )


def test_an_unset_variable_is_named_with_its_subscription() -> None:
    with pytest.raises(InputError) as caught:
        refuse_unset((_create(),), "the plan", {"FEED_URL": ""})
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith(
        "environment variable FEED_URL is not set: the plan creates subscription feed"
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            '[subscriptions.feed]\nconninfo_env = "2FEED"\n',
            "'subscriptions.feed.conninfo_env': '2FEED' is not an environment variable name",
            1,
        ),
        (
            'platform = "none"\n\n[subscriptions.feed]\nconninfo = "host=x"\n',
            "unknown configuration key 'subscriptions.feed.conninfo'",
            3,
        ),
        ('managed_subscriptions = ["feed"]\n', "managed_subscriptions is not a setting", 1),
    ],
    ids=["variable_name", "unknown_key", "not_a_setting"],
)
def test_a_bad_setting_is_named_where_it_is_written(
    tmp_path: Path, text: str, message: str, line: int
) -> None:
    (tmp_path / "creo-schema.toml").write_text(text)
    with pytest.raises(InputError) as caught:
        load_settings(cwd=tmp_path, environ={})
    assert message in caught.value.message
    assert caught.value.location is not None and caught.value.location.line == line
