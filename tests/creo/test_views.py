"""user_dashboard and admin_dashboard respect RLS (security_invoker)."""

from __future__ import annotations

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import ANON, SERVICE, acting_as, admin_sql, one, user


def test_views_are_security_invoker(world: World) -> None:
    rows = admin_sql(
        world.url,
        "select c.relname, c.reloptions from pg_class c"
        " where c.relnamespace = 'public'::regnamespace and c.relkind = 'v' order by 1",
    )
    assert [(r["relname"], r["reloptions"]) for r in rows] == [
        ("admin_dashboard", ["security_invoker=true"]),
        ("user_dashboard", ["security_invoker=true"]),
    ]


def test_user_dashboard(world: World) -> None:
    with acting_as(world.url, user(world.owner)) as conn:
        rows = conn.execute("select * from public.user_dashboard").fetchall()
    assert len(rows) == 1
    mine = rows[0]
    assert str(mine["user_id"]) == world.owner and mine["credits"] == 10
    assert (
        mine["total_orders"],
        mine["active_orders"],
        mine["active_downloads"],
        mine["active_api_keys"],
        mine["saved_searches"],
    ) == (1, 1, 1, 1, 2)
    assert (
        one(
            world.url, user(world.other), "select count(*) from public.user_dashboard", commit=False
        )
        == 1
    )
    assert (
        one(
            world.url, user(world.admin), "select count(*) from public.user_dashboard", commit=False
        )
        == 3
    )
    assert one(world.url, SERVICE, "select count(*) from public.user_dashboard", commit=False) == 3
    with acting_as(world.url, ANON) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select * from public.user_dashboard")
    assert "permission denied" in str(info.value)


def test_admin_dashboard(world: World) -> None:
    for who in (user(world.owner), user(world.other)):
        assert one(world.url, who, "select count(*) from public.admin_dashboard", commit=False) == 0
    for who in (user(world.admin), SERVICE):
        with acting_as(world.url, who) as conn:
            rows = conn.execute("select * from public.admin_dashboard").fetchall()
        assert len(rows) == 1
        assert (
            rows[0]["total_users"],
            rows[0]["total_orders"],
            rows[0]["pending_orders"],
            rows[0]["total_revenue"],
        ) == (3, 1, 1, 900)
    with acting_as(world.url, ANON) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select * from public.admin_dashboard")
    assert "permission denied" in str(info.value)
