"""check_rate_limit: a sliding window, per user and action, that holds under concurrency."""

from __future__ import annotations

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import SERVICE, acting_as, admin_sql, create_user, one, sqlstate_of, user
from tests.creo.test_credits import _run_concurrently


def test_window(fresh_world: World) -> None:
    w = fresh_world
    owner = user(w.owner)
    call = "select public.check_rate_limit(%s, 'exports', 3, '1 hour')"
    assert [one(w.url, owner, call, (w.owner,)) for _ in range(4)] == [True, True, True, False]
    # other actions and other users have their own budgets
    assert (
        one(w.url, owner, "select public.check_rate_limit(%s, 'uploads', 3, '1 hour')", (w.owner,))
        is True
    )
    assert one(w.url, user(w.other), call, (w.other,)) is True
    # events older than the window no longer count
    admin_sql(
        w.url,
        "update public.rate_limit_events set created_at = now() - interval '2 hours'"
        " where user_id = %s and action_type = 'exports'",
        (w.owner,),
    )
    assert one(w.url, owner, call, (w.owner,)) is True
    # the backend may check any user
    assert one(w.url, SERVICE, call, (w.other,)) is True
    assert (
        one(w.url, owner, "select public.check_rate_limit(%s, 'x', 0, '1 minute')", (w.owner,))
        is False
    )


def test_refusals(world: World) -> None:
    with pytest.raises(psycopg.Error) as info, acting_as(world.url, user(world.other)) as conn:
        conn.execute("select public.check_rate_limit(%s, 'exports', 3, '1 hour')", (world.owner,))
    assert sqlstate_of(info.value) == "42501"
    for args in (("exports", -1, "1 hour"), ("exports", 3, "0 seconds"), (None, 3, "1 hour")):
        with pytest.raises(psycopg.Error) as info, acting_as(world.url, user(world.owner)) as conn:
            conn.execute(
                "select public.check_rate_limit(%s, %s, %s, %s::interval)", (world.owner, *args)
            )
        assert sqlstate_of(info.value) == "22023"


def test_fifty_concurrent_checks(creo_db: str) -> None:
    uid = create_user(creo_db)

    def check(i: int) -> bool:
        with acting_as(creo_db, user(uid), commit=True) as conn:
            return conn.execute(
                "select public.check_rate_limit(%s, 'burst', 10, '1 hour') as ok", (uid,)
            ).fetchone()["ok"]

    results = _run_concurrently(50, check)
    assert sum(results) == 10
    counted = admin_sql(
        creo_db, "select count(*) as n from public.rate_limit_events where user_id = %s", (uid,)
    )
    assert counted[0]["n"] == 10
