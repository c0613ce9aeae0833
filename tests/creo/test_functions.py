"""The guide's functions: statistics, maintenance and audit, and who may call them."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import ANON, SERVICE, acting_as, admin_sql, one, sqlstate_of, user

ADMIN_ONLY = [
    "select public.get_system_stats()",
    "select public.cleanup_expired_downloads()",
    "select public.prune_rate_limit_events()",
    "select public.archive_old_admin_logs()",
    "select * from public.validate_system_integrity()",
    "select * from public.get_database_stats()",
    "select public.log_admin_action('x', 'system', null)",
    "select public.add_credits(%(owner)s, 1)",
]
GUIDE_FUNCTIONS = {
    "get_user_credits": "user_uuid uuid",
    "deduct_credits": "user_uuid uuid, amount integer",
    "add_credits": "user_uuid uuid, amount integer, reason credit_reason DEFAULT 'admin_grant'::credit_reason",
    "get_user_stats": "user_uuid uuid",
    "get_system_stats": "",
    "get_user_activity_summary": "user_uuid uuid, days_back integer DEFAULT 30",
    "check_rate_limit": "user_uuid uuid, action_type text, limit_count integer, time_window interval",
    "validate_api_key": "api_key text, required_scope api_key_scope DEFAULT NULL::api_key_scope",
    "cleanup_expired_downloads": "",
    "archive_old_admin_logs": "days_old integer DEFAULT NULL::integer",
    "validate_system_integrity": "",
    "get_database_stats": "",
    "log_admin_action": "action text, target_type text, target_id text, details jsonb DEFAULT '{}'::jsonb",
}


def test_guide_signatures(world: World) -> None:
    rows = admin_sql(
        world.url,
        "select p.proname, pg_get_function_arguments(p.oid) as args from pg_proc p"
        " where p.pronamespace = 'public'::regnamespace",
    )
    found = {r["proname"]: r["args"] for r in rows}
    for name, args in GUIDE_FUNCTIONS.items():
        assert found.get(name) == args, name


@pytest.mark.parametrize("sql", ADMIN_ONLY)
def test_admin_functions_refuse_users(world: World, sql: str) -> None:
    for who in (
        user(world.owner),
        user(world.owner, role="admin"),
    ):  # an app_metadata claim does not make an admin
        with acting_as(world.url, who) as conn, pytest.raises(psycopg.Error) as info:
            conn.execute(sql, world.params())
        assert sqlstate_of(info.value) == "42501" and "admin privileges required" in str(info.value)
    with acting_as(world.url, ANON) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute(sql, world.params())
    assert "permission denied for function" in str(info.value)
    for who in (user(world.admin), SERVICE):
        with acting_as(world.url, who) as conn:
            conn.execute(sql, world.params())


def test_anon_may_execute_nothing(world: World) -> None:
    rows = admin_sql(
        world.url,
        "select p.oid::regprocedure::text as f from pg_proc p"
        " where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)"
        " and (has_function_privilege('anon', p.oid, 'execute')"
        "      or has_function_privilege('public', p.oid, 'execute'))",
    )
    assert rows == []


def test_get_user_stats(world: World) -> None:
    stats = one(
        world.url,
        user(world.owner),
        "select public.get_user_stats(%s)",
        (world.owner,),
        commit=False,
    )
    assert stats["credits"] == 10 and stats["total_orders"] == 1 and stats["active_orders"] == 1
    assert stats["total_downloads"] == 1 and stats["active_downloads"] == 1
    assert (
        stats["total_paid"] == 900
        and stats["active_api_keys"] == 1
        and stats["saved_searches"] == 2
    )
    assert (
        one(
            world.url,
            user(world.admin),
            "select public.get_user_stats(%s)",
            (world.owner,),
            commit=False,
        )
        == stats
    )
    with acting_as(world.url, user(world.other)) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select public.get_user_stats(%s)", (world.owner,))
    assert sqlstate_of(info.value) == "42501"


def test_get_system_stats(world: World) -> None:
    stats = one(world.url, user(world.admin), "select public.get_system_stats()", commit=False)
    assert stats["total_users"] == 3 and stats["admins"] == 1 and stats["total_orders"] == 1
    assert stats["orders_by_status"] == {"pending": 1} and stats["total_revenue"] == 900
    assert stats["users_by_plan"] == {"free": 3}
    assert (
        one(world.url, SERVICE, "select public.get_system_stats() ->> 'total_users'", commit=False)
        == "3"
    )


def test_get_user_activity_summary(world: World) -> None:
    with acting_as(world.url, user(world.owner)) as conn:
        conn.execute("select public.deduct_credits(%s, 3)", (world.owner,))
        rows = conn.execute(
            "select * from public.get_user_activity_summary(%s, 7)", (world.owner,)
        ).fetchall()
    assert len(rows) == 7
    today = dt.datetime.now(dt.UTC).date()
    assert rows[-1]["activity_date"] == today and rows[0]["activity_date"] == today - dt.timedelta(
        days=6
    )
    assert (
        rows[-1]["orders_created"],
        rows[-1]["downloads"],
        rows[-1]["credits_spent"],
        rows[-1]["credits_added"],
    ) == (1, 1, 3, 10)
    assert all(r["orders_created"] == 0 for r in rows[:-1])
    assert (
        len(
            one(
                world.url,
                user(world.owner),
                "select array_agg(d) from public.get_user_activity_summary(%s) d",
                (world.owner,),
                commit=False,
            )
        )
        == 30
    )
    for bad in (0, 1000):
        with acting_as(world.url, user(world.owner)) as conn, pytest.raises(psycopg.Error) as info:
            conn.execute(
                "select * from public.get_user_activity_summary(%s, %s)", (world.owner, bad)
            )
        assert sqlstate_of(info.value) == "22023"
    with acting_as(world.url, user(world.other)) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select * from public.get_user_activity_summary(%s)", (world.owner,))
    assert sqlstate_of(info.value) == "42501"


def test_archive_old_admin_logs(fresh_world: World) -> None:
    w = fresh_world
    admin_sql(
        w.url,
        "insert into public.admin_logs (action, target_type, created_at) values"
        " ('ancient', 'system', now() - interval '100 days'), ('recent', 'system', now() - interval '10 days')",
    )
    assert one(w.url, SERVICE, "select public.archive_old_admin_logs()") == 1
    assert [
        r["action"]
        for r in admin_sql(w.url, "select action from public.archived_admin_logs order by action")
    ] == ["ancient", "old"]
    assert sorted(
        r["action"] for r in admin_sql(w.url, "select action from public.admin_logs")
    ) == ["recent", "seeded"]
    assert one(w.url, user(w.admin), "select public.archive_old_admin_logs(5)") == 1
    remaining = sorted(
        r["action"] for r in admin_sql(w.url, "select action from public.admin_logs")
    )
    assert remaining == ["admin_logs_archived", "seeded"]
    with acting_as(w.url, SERVICE) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select public.archive_old_admin_logs(0)")
    assert sqlstate_of(info.value) == "22023"


def test_validate_system_integrity(fresh_world: World) -> None:
    w = fresh_world
    rows = admin_sql(w.url, "select * from public.validate_system_integrity()")
    assert {r["check_name"]: r["status"] for r in rows} == {r["check_name"]: "ok" for r in rows}
    assert len(rows) >= 8
    admin_sql(w.url, "delete from public.user_preferences where user_id = %s", (w.other,))
    admin_sql(w.url, "update public.downloads set expires_at = now() - interval '1 day'")
    failed = {
        r["check_name"]: r["issue_count"]
        for r in admin_sql(
            w.url, "select * from public.validate_system_integrity() where status = 'failed'"
        )
    }
    assert failed == {"users_without_preferences": 1, "expired_active_downloads": 1}


def test_get_database_stats(world: World) -> None:
    with acting_as(world.url, user(world.admin)) as conn:
        rows = conn.execute("select * from public.get_database_stats()").fetchall()
    names = {r["table_name"] for r in rows}
    assert {
        "user_profiles",
        "orders",
        "downloads",
        "payments",
        "api_keys",
        "user_preferences",
        "saved_searches",
        "admin_logs",
        "system_settings",
    } <= names
    assert all(r["total_bytes"] >= r["table_bytes"] > 0 for r in rows)


def test_log_admin_action(fresh_world: World) -> None:
    w = fresh_world
    log_id = one(
        w.url,
        user(w.admin),
        "select public.log_admin_action('user_updated', 'user', %s, %s)",
        (w.owner, '{"changes": {"plan": "pro"}}'),
    )
    row = admin_sql(w.url, "select * from public.admin_logs where id = %s", (log_id,))[0]
    assert (str(row["admin_id"]), row["action"], row["target_type"], row["target_id"]) == (
        w.admin,
        "user_updated",
        "user",
        w.owner,
    )
    assert row["details"] == {"changes": {"plan": "pro"}}
    with acting_as(w.url, user(w.admin)) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select public.log_admin_action('x', 'not-a-type', null)")
    assert sqlstate_of(info.value) == "23514"


def test_prune_rate_limit_events_deletes_only_the_old_ones(fresh_world: World) -> None:
    w = fresh_world
    admin_sql(w.url, "delete from public.rate_limit_events")  # the world's own, if any
    admin_sql(
        w.url,
        "insert into public.rate_limit_events (user_id, action_type, created_at) values "
        "(%(owner)s, 'api_calls', now() - interval '2 days'),"
        " (%(owner)s, 'api_calls', now() - interval '3 hours'),"
        " (%(owner)s, 'api_calls', now())",
        w.params(),
    )
    assert admin_sql(w.url, "select public.prune_rate_limit_events() as n")[0]["n"] == 1
    prune = "select public.prune_rate_limit_events(interval '1 hour') as n"
    assert admin_sql(w.url, prune)[0]["n"] == 1
    left = admin_sql(w.url, "select count(*) as n from public.rate_limit_events")
    assert left[0]["n"] == 1
    with pytest.raises(psycopg.Error) as info:
        admin_sql(w.url, "select public.prune_rate_limit_events(interval '0')")
    assert sqlstate_of(info.value) == "22023"


def test_direct_sessions_may_run_maintenance(fresh_world: World) -> None:
    """pg_cron and psql run as postgres with no API role and no JWT: trusted, like service_role."""
    w = fresh_world
    admin_sql(w.url, "update public.downloads set expires_at = now() - interval '1 minute'")
    assert admin_sql(w.url, "select public.cleanup_expired_downloads() as n")[0]["n"] == 1
    assert admin_sql(w.url, "select public.archive_old_admin_logs(1) as n")[0]["n"] == 0
    assert (
        admin_sql(
            w.url, "select count(*) as n from public.admin_logs where action like 'downloads%'"
        )[0]["n"]
        == 0
    )
