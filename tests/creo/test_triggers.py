"""Triggers: sign-up, timestamps, the order status machine, download expiry, audit logging."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import SERVICE, acting_as, admin_sql, create_user, one, sqlstate_of, user

# --- sign-up -------------------------------------------------------------------------------


def test_signup_creates_profile_and_preferences(creo_db: str) -> None:
    uid = create_user(
        creo_db,
        "new@example.com",
        full_name="Nina New",
        user_metadata={
            "avatar_url": "https://img.example.com/n.png",
            "role": "admin",
            "credits": 1_000_000,
            "subscription_plan": "enterprise",
        },
    )
    profile = admin_sql(creo_db, "select * from public.user_profiles where id = %s", (uid,))[0]
    assert profile["email"] == "new@example.com" and profile["full_name"] == "Nina New"
    assert profile["avatar_url"] == "https://img.example.com/n.png"
    # user-editable metadata never sets role, credits or plan
    assert (profile["role"], profile["credits"], profile["subscription_plan"]) == (
        "user",
        10,
        "free",
    )
    prefs = admin_sql(creo_db, "select * from public.user_preferences where user_id = %s", (uid,))[
        0
    ]
    assert (prefs["language"], prefs["timezone"], prefs["theme"]) == ("en", "UTC", "system")
    ledger = admin_sql(
        creo_db,
        "select amount, reason::text from public.credit_transactions where user_id = %s",
        (uid,),
    )
    assert [(r["amount"], r["reason"]) for r in ledger] == [(10, "signup_bonus")]


def test_signup_bonus_follows_setting(creo_db: str) -> None:
    admin_sql(
        creo_db, "update public.system_settings set value = '0' where key = 'credits.signup_bonus'"
    )
    uid = create_user(creo_db)
    assert (
        admin_sql(creo_db, "select credits from public.user_profiles where id = %s", (uid,))[0][
            "credits"
        ]
        == 0
    )
    assert (
        admin_sql(
            creo_db,
            "select count(*) as n from public.credit_transactions where user_id = %s",
            (uid,),
        )[0]["n"]
        == 0
    )


def test_email_change_reaches_profile(creo_db: str) -> None:
    uid = create_user(creo_db, "before@example.com")
    admin_sql(creo_db, "update auth.users set email = 'after@example.com' where id = %s", (uid,))
    assert (
        admin_sql(creo_db, "select email from public.user_profiles where id = %s", (uid,))[0][
            "email"
        ]
        == "after@example.com"
    )


def test_user_deletion(fresh_world: World) -> None:
    w = fresh_world
    admin_sql(w.url, "delete from auth.users where id = %s", (w.owner,))
    for table, column in (
        ("user_profiles", "id"),
        ("orders", "user_id"),
        ("downloads", "user_id"),
        ("api_keys", "user_id"),
        ("saved_searches", "user_id"),
        ("user_preferences", "user_id"),
        ("credit_transactions", "user_id"),
        ("rate_limit_events", "user_id"),
    ):
        n = admin_sql(
            w.url, f"select count(*) as n from public.{table} where {column} = %s", (w.owner,)
        )[0]["n"]
        assert n == 0, table
    # financial and audit records outlive the account
    assert (
        admin_sql(w.url, "select user_id from public.payments where id = %s", (w.ids["payment"],))[
            0
        ]["user_id"]
        is None
    )
    assert (
        admin_sql(
            w.url, "select admin_id from public.admin_logs where id = %s", (w.ids["admin_log"],)
        )[0]["admin_id"]
        is None
    )


# --- timestamps ----------------------------------------------------------------------------


def test_updated_at_and_created_at(fresh_world: World) -> None:
    w = fresh_world
    admin_sql(
        w.url,
        "update public.orders set created_at = '2020-01-01', updated_at = '2020-01-01' where id = %s",
        (w.ids["order"],),
    )
    row = admin_sql(
        w.url,
        "select created_at, updated_at, now() - updated_at < interval '1 minute' as fresh"
        " from public.orders where id = %s",
        (w.ids["order"],),
    )[0]
    assert row["created_at"].year != 2020 and row["fresh"]  # created_at is kept, updated_at follows
    for table in (
        "user_profiles",
        "downloads",
        "payments",
        "api_keys",
        "user_preferences",
        "saved_searches",
        "system_settings",
    ):
        n = admin_sql(
            w.url,
            f"select count(*) as n from pg_trigger where tgrelid = 'public.{table}'::regclass"
            " and tgname = 'set_updated_at'",
        )[0]["n"]
        assert n == 1, table


# --- orders --------------------------------------------------------------------------------

ALLOWED = [
    ("pending", "processing"),
    ("pending", "cancelled"),
    ("processing", "completed"),
    ("processing", "failed"),
    ("processing", "cancelled"),
]
REFUSED = [
    ("pending", "completed"),
    ("pending", "failed"),
    ("processing", "pending"),
    ("completed", "processing"),
    ("completed", "cancelled"),
    ("failed", "completed"),
    ("cancelled", "pending"),
    ("cancelled", "processing"),
]
PATHS = {
    "pending": [],
    "processing": ["processing"],
    "completed": ["processing", "completed"],
    "failed": ["processing", "failed"],
    "cancelled": ["cancelled"],
}


def _order_in(conn, owner: str, status: str) -> str:
    order_id = conn.execute(
        "insert into public.orders (user_id, order_type) values (%s, 'ai_generation') returning id",
        (owner,),
    ).fetchone()["id"]
    for step in PATHS[status]:
        conn.execute("update public.orders set status = %s where id = %s", (step, order_id))
    return order_id


@pytest.mark.parametrize(("start", "end"), ALLOWED)
def test_allowed_transition(world: World, start: str, end: str) -> None:
    with acting_as(world.url, SERVICE) as conn:
        order_id = _order_in(conn, world.owner, start)
        conn.execute("update public.orders set status = %s where id = %s", (end, order_id))
        row = conn.execute(
            "select status::text, completed_at from public.orders where id = %s", (order_id,)
        ).fetchone()
        assert row["status"] == end
        assert (row["completed_at"] is not None) == (end == "completed")


@pytest.mark.parametrize(("start", "end"), REFUSED)
def test_refused_transition(world: World, start: str, end: str) -> None:
    with acting_as(world.url, user(world.admin)) as conn:  # admins are bound by it too
        with conn.transaction():
            conn.execute("set local role service_role")
            order_id = _order_in(conn, world.owner, start)
        conn.execute("set local role authenticated")
        with pytest.raises(psycopg.Error) as info:
            conn.execute("update public.orders set status = %s where id = %s", (end, order_id))
    assert sqlstate_of(info.value) == "23514"
    assert f"invalid order status transition from {start} to {end}" in str(info.value)


def test_owner_may_only_cancel(fresh_world: World) -> None:
    w = fresh_world
    owner = user(w.owner)
    with acting_as(w.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute(
            "update public.orders set status = 'processing' where id = %s", (w.ids["order"],)
        )
    assert "row-level security" in str(info.value)
    with acting_as(w.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute(
            "insert into public.orders (user_id, order_type, status) values (%s, 'ai_generation', 'completed')",
            (w.owner,),
        )
    assert sqlstate_of(info.value) == "42501"  # status is not among the insertable columns
    with acting_as(w.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("update public.orders set credits_used = 0 where id = %s", (w.ids["order"],))
    assert "only an administrator may change orders.credits_used" in str(info.value)
    assert (
        one(
            w.url,
            owner,
            "update public.orders set status = 'cancelled' where id = %s returning status::text",
            (w.ids["order"],),
        )
        == "cancelled"
    )
    # a cancelled order is no longer the owner's to change
    with acting_as(w.url, owner, commit=True) as conn:
        assert (
            conn.execute(
                "update public.orders set metadata = '{}' where id = %s", (w.ids["order"],)
            ).rowcount
            == 0
        )


# --- downloads -----------------------------------------------------------------------------


def test_download_expiry_default_and_setting(fresh_world: World) -> None:
    w = fresh_world
    hours = admin_sql(
        w.url,
        "select extract(epoch from expires_at - created_at) / 3600 as h from public.downloads"
        " where id = %s",
        (w.ids["download"],),
    )[0]["h"]
    assert round(float(hours)) == 168
    admin_sql(
        w.url,
        "update public.system_settings set value = '2' where key = 'downloads.link_ttl_hours'",
    )
    hours = one(
        w.url,
        user(w.owner),
        "insert into public.downloads (user_id, file_name, file_url) values (%s, 'a.png', 'https://x.example/a.png')"
        " returning extract(epoch from expires_at - created_at) / 3600",
        (w.owner,),
    )
    assert round(float(hours)) == 2


def test_expired_downloads_not_served(fresh_world: World) -> None:
    w = fresh_world
    owner = user(w.owner)
    assert (
        one(w.url, owner, "select public.record_download(%s)", (w.ids["download"],))
        == "https://cdn.example.com/sunset.jpg"
    )
    assert (
        admin_sql(
            w.url, "select download_count from public.downloads where id = %s", (w.ids["download"],)
        )[0]["download_count"]
        == 1
    )
    with acting_as(w.url, user(w.other)) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select public.record_download(%s)", (w.ids["download"],))
    assert sqlstate_of(info.value) == "42501"
    # the owner cannot extend the link
    with acting_as(w.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute(
            "update public.downloads set expires_at = now() + interval '10 years' where id = %s",
            (w.ids["download"],),
        )
    assert "only an administrator may change downloads.expires_at" in str(info.value)

    admin_sql(
        w.url,
        "update public.downloads set expires_at = now() - interval '1 minute' where id = %s",
        (w.ids["download"],),
    )
    with acting_as(w.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select public.record_download(%s)", (w.ids["download"],))
    assert sqlstate_of(info.value) == "55000" and "expired" in str(info.value)
    assert (
        one(w.url, owner, "select count(*) from public.downloads") == 0
    )  # no longer listed to the owner
    assert one(w.url, user(w.admin), "select count(*) from public.downloads") == 1

    with acting_as(w.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select public.cleanup_expired_downloads()")
    assert "admin privileges required" in str(info.value)
    assert one(w.url, SERVICE, "select public.cleanup_expired_downloads()") == 1
    assert (
        admin_sql(
            w.url, "select is_active from public.downloads where id = %s", (w.ids["download"],)
        )[0]["is_active"]
        is False
    )
    assert one(w.url, SERVICE, "select public.cleanup_expired_downloads()") == 0


def test_cleanup_by_admin_is_logged(fresh_world: World) -> None:
    w = fresh_world
    admin_sql(w.url, "update public.downloads set expires_at = now() - interval '1 minute'")
    assert one(w.url, user(w.admin), "select public.cleanup_expired_downloads()") == 1
    logs = admin_sql(
        w.url, "select details from public.admin_logs where action = 'downloads_cleaned_up'"
    )
    assert [r["details"] for r in logs] == [{"deactivated": 1}]


def test_download_for_someone_elses_order(fresh_world: World) -> None:
    w = fresh_world
    with acting_as(w.url, user(w.other)) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute(
            "insert into public.downloads (user_id, order_id, file_name, file_url)"
            " values (%s, %s, 'x.png', 'https://x.example/x.png')",
            (w.other, w.ids["order"]),
        )
    assert "row-level security" in str(info.value)


# --- preferences ---------------------------------------------------------------------------


def test_timezone_is_validated(world: World) -> None:
    owner = user(world.owner)
    assert (
        one(
            world.url,
            owner,
            "update public.user_preferences set timezone = 'Europe/Paris'"
            " where user_id = %s returning timezone",
            (world.owner,),
            commit=False,
        )
        == "Europe/Paris"
    )
    with acting_as(world.url, owner) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute(
            "update public.user_preferences set timezone = 'Mars/Olympus' where user_id = %s",
            (world.owner,),
        )
    assert sqlstate_of(info.value) == "22023"


# --- audit ---------------------------------------------------------------------------------


def test_admin_changes_are_logged(fresh_world: World) -> None:
    w = fresh_world
    admin = user(w.admin)
    with acting_as(w.url, admin, commit=True) as conn:
        conn.execute(
            "select set_config('request.headers', %s, true)",
            (json.dumps({"x-forwarded-for": "203.0.113.7, 10.0.0.1", "user-agent": "pytest"}),),
        )
        conn.execute(
            "update public.user_profiles set subscription_plan = 'pro' where id = %s", (w.owner,)
        )
        conn.execute(
            "update public.orders set status = 'processing' where id = %s", (w.ids["order"],)
        )
        conn.execute("delete from public.saved_searches where id = %s", (w.ids["search_private"],))
        conn.execute(
            "update public.system_settings set value = '20' where key = 'credits.signup_bonus'"
        )
        conn.execute(
            "update public.user_profiles set full_name = 'Ada A.' where id = %s", (w.admin,)
        )
    logs = admin_sql(
        w.url,
        "select admin_id, action, target_type, target_id, details, host(ip_address) as ip, user_agent"
        " from public.admin_logs where action <> 'seeded' order by created_at, action",
    )
    actions = sorted(r["action"] for r in logs)
    assert actions == [
        "order_updated",
        "saved_search_deleted",
        "system_setting_updated",
        "user_updated",
        "user_updated",
    ]
    plan = next(r for r in logs if r["action"] == "user_updated" and r["target_id"] == w.owner)
    assert plan["details"]["changes"] == {"subscription_plan": {"old": "free", "new": "pro"}}
    assert {str(r["admin_id"]) for r in logs} == {w.admin}
    assert {r["ip"] for r in logs} == {"203.0.113.7"} and {r["user_agent"] for r in logs} == {
        "pytest"
    }
    setting = admin_sql(
        w.url, "select updated_by from public.system_settings where key = 'credits.signup_bonus'"
    )
    assert str(setting[0]["updated_by"]) == w.admin
    # users' own changes are not admin actions
    with acting_as(w.url, user(w.owner), commit=True) as conn:
        conn.execute("update public.user_profiles set full_name = 'O.' where id = %s", (w.owner,))
    assert (
        admin_sql(w.url, "select count(*) as n from public.admin_logs where action <> 'seeded'")[0][
            "n"
        ]
        == 5
    )
