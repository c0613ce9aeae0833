"""A user cannot raise their own credits, change their plan or make themselves admin: not by
UPDATE, INSERT/upsert, a function, a view, a JWT claim or sign-up metadata."""

from __future__ import annotations

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import acting_as, admin_sql, one, sqlstate_of, user

ROUTES = [
    "update public.user_profiles set credits = 1000000 where id = %(owner)s",
    "update public.user_profiles set role = 'admin' where id = %(owner)s",
    "update public.user_profiles set subscription_plan = 'enterprise' where id = %(owner)s",
    "update public.user_profiles set subscription_status = 'active', subscription_expires_at = 'infinity'"
    " where id = %(owner)s",
    "update public.user_profiles set email = 'admin@example.com' where id = %(owner)s",
    "update public.user_profiles set id = %(admin)s where id = %(owner)s",
    "insert into public.user_profiles (id, role, credits) values (%(owner)s, 'admin', 1000000)"
    " on conflict (id) do update set role = excluded.role, credits = excluded.credits",
    "insert into public.credit_transactions (user_id, amount, balance_after, reason)"
    " values (%(owner)s, 1000000, 1000010, 'purchase')",
    "select public.add_credits(%(owner)s, 1000000)",
    "select public.add_credits(%(owner)s, 1000000, 'purchase')",
    "select public.deduct_credits(%(owner)s, -1000000)",
    "update public.user_dashboard set credits = 1000000 where user_id = %(owner)s",
    "update public.system_settings set value = '1000000' where key = 'credits.signup_bonus'",
    "insert into public.payments (user_id, stripe_payment_intent_id, amount, status, credits_purchased)"
    " values (%(owner)s, 'pi_fake', 1, 'succeeded', 1000000)",
    "update public.payments set status = 'succeeded', credits_purchased = 1000000 where user_id = %(owner)s"
    "",
    "select private.setting('credits.signup_bonus', '0')",
    "select public.log_admin_action('user_updated', 'user', %(owner)s, '{}')",
]


@pytest.mark.parametrize("sql", ROUTES, ids=range(len(ROUTES)))
def test_route_is_closed(world: World, sql: str) -> None:
    before = admin_sql(
        world.url,
        "select role::text, credits, subscription_plan::text, subscription_status::text,"
        " subscription_expires_at from public.user_profiles where id = %(owner)s",
        world.params(),
    )
    try:
        with acting_as(
            world.url, user(world.owner, "owner@example.com", role="admin"), commit=True
        ) as conn:
            cur = conn.execute(sql, world.params())
            rows = cur.rowcount
    except psycopg.Error as error:
        assert sqlstate_of(error) in ("42501", "22023", "55000"), error  # refused
    else:
        assert rows == 0, f"{sql!r} changed {rows} rows"  # or filtered out by RLS
    after = admin_sql(
        world.url,
        "select role::text, credits, subscription_plan::text, subscription_status::text,"
        " subscription_expires_at from public.user_profiles where id = %(owner)s",
        world.params(),
    )
    assert after == before


def test_jwt_claims_do_not_make_an_admin(world: World) -> None:
    forged = user(world.other, "other@example.com", role="admin", is_admin=True)
    assert one(world.url, forged, "select private.is_admin()", commit=False) is False
    assert one(world.url, forged, "select count(*) from public.user_profiles", commit=False) == 1
    assert one(world.url, forged, "select count(*) from public.admin_dashboard", commit=False) == 0


def test_admin_may_change_role_and_plan_but_not_credits_directly(fresh_world: World) -> None:
    w = fresh_world
    admin = user(w.admin)
    assert (
        one(
            w.url,
            admin,
            "update public.user_profiles set role = 'admin', subscription_plan = 'pro'"
            " where id = %s returning role::text",
            (w.other,),
        )
        == "admin"
    )
    assert one(w.url, user(w.other), "select private.is_admin()") is True
    # balances move through add_credits()/deduct_credits() only, so the ledger stays complete
    with acting_as(w.url, admin) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("update public.user_profiles set credits = 5 where id = %s", (w.owner,))
    assert sqlstate_of(info.value) == "42501"
    logs = admin_sql(
        w.url,
        "select details from public.admin_logs where action = 'user_updated' and target_id = %s",
        (w.other,),
    )
    assert logs[0]["details"]["changes"]["role"] == {"old": "user", "new": "admin"}
