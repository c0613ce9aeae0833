"""Credits: get_user_credits, deduct_credits, add_credits, and 50 concurrent deductions."""

from __future__ import annotations

import random
import threading

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import (
    ANON,
    SERVICE,
    acting_as,
    admin_sql,
    create_user,
    one,
    sqlstate_of,
    user,
)


def balance(url: str, uid: str) -> int:
    return admin_sql(url, "select credits from public.user_profiles where id = %s", (uid,))[0][
        "credits"
    ]


def refused(url: str, who, sql: str, params=None) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as info, acting_as(url, who) as conn:
        conn.execute(sql, params)
    return info.value


def test_get_user_credits(world: World) -> None:
    owner = user(world.owner)
    assert (
        one(world.url, owner, "select public.get_user_credits(%s)", (world.owner,), commit=False)
        == 10
    )
    assert (
        one(
            world.url,
            user(world.admin),
            "select public.get_user_credits(%s)",
            (world.owner,),
            commit=False,
        )
        == 10
    )
    assert (
        one(world.url, SERVICE, "select public.get_user_credits(%s)", (world.owner,), commit=False)
        == 10
    )
    error = refused(
        world.url, user(world.other), "select public.get_user_credits(%s)", (world.owner,)
    )
    assert sqlstate_of(error) == "42501" and "another user" in str(error)
    error = refused(world.url, ANON, "select public.get_user_credits(%s)", (world.owner,))
    assert sqlstate_of(error) == "42501" and "permission denied for function" in str(error)


def test_deduct_credits(fresh_world: World) -> None:
    w = fresh_world
    owner = user(w.owner)
    assert one(w.url, owner, "select public.deduct_credits(%s, 4)", (w.owner,)) is True
    assert balance(w.url, w.owner) == 6
    # insufficient: refused with false, nothing changes
    assert one(w.url, owner, "select public.deduct_credits(%s, 7)", (w.owner,)) is False
    assert balance(w.url, w.owner) == 6
    assert one(w.url, owner, "select public.deduct_credits(%s, 6)", (w.owner,)) is True
    assert balance(w.url, w.owner) == 0
    ledger = admin_sql(
        w.url,
        "select amount, balance_after, reason::text, created_by from public.credit_transactions"
        " where user_id = %s order by created_at, balance_after desc",
        (w.owner,),
    )
    assert [(r["amount"], r["balance_after"], r["reason"]) for r in ledger] == [
        (10, 10, "signup_bonus"),
        (-4, 6, "deduction"),
        (-6, 0, "deduction"),
    ]
    assert str(ledger[1]["created_by"]) == w.owner
    for bad in (0, -5):
        error = refused(w.url, owner, "select public.deduct_credits(%s, %s)", (w.owner, bad))
        assert sqlstate_of(error) == "22023"
    error = refused(w.url, user(w.other), "select public.deduct_credits(%s, 1)", (w.owner,))
    assert sqlstate_of(error) == "42501"
    error = refused(w.url, SERVICE, "select public.deduct_credits(gen_random_uuid(), 1)")
    assert sqlstate_of(error) == "P0002"


def test_add_credits(fresh_world: World) -> None:
    w = fresh_world
    for who in (user(w.owner), user(w.other)):
        error = refused(w.url, who, "select public.add_credits(%s, 100)", (w.owner,))
        assert sqlstate_of(error) == "42501" and "admin privileges required" in str(error)
    assert one(w.url, user(w.admin), "select public.add_credits(%s, 100)", (w.owner,)) == 110
    assert one(w.url, SERVICE, "select public.add_credits(%s, 5, 'purchase')", (w.owner,)) == 115
    assert balance(w.url, w.owner) == 115
    logs = admin_sql(
        w.url,
        "select admin_id, action, target_id, details from public.admin_logs"
        " where action = 'credits_added'",
    )
    assert len(logs) == 1  # the admin's grant; the service role's purchase is not an admin action
    assert str(logs[0]["admin_id"]) == w.admin and logs[0]["target_id"] == w.owner
    assert logs[0]["details"]["amount"] == 100
    error = refused(w.url, SERVICE, "select public.add_credits(%s, 5, 'deduction')", (w.owner,))
    assert sqlstate_of(error) == "22023"
    error = refused(w.url, SERVICE, "select public.add_credits(%s, 0)", (w.owner,))
    assert sqlstate_of(error) == "22023"


def _run_concurrently(n: int, work) -> list:
    barrier = threading.Barrier(n)
    results: list = [None] * n
    errors: list = []

    def runner(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors[:3]
    return results


def test_fifty_concurrent_deductions(creo_db: str) -> None:
    uid = create_user(creo_db, credits=100)
    admin_sql(
        creo_db,
        "insert into public.credit_transactions (user_id, amount, balance_after, reason)"
        " values (%s, 90, 100, 'admin_grant')",
        (uid,),
    )
    rng = random.Random(4)
    amounts = [rng.randint(1, 5) for _ in range(50)]  # demand ~150 for a balance of 100

    def deduct(i: int) -> bool:
        with acting_as(creo_db, user(uid), commit=True) as conn:
            return conn.execute(
                "select public.deduct_credits(%s, %s)", (uid, amounts[i])
            ).fetchone()["deduct_credits"]

    results = _run_concurrently(50, deduct)
    spent = sum(a for a, ok in zip(amounts, results, strict=True) if ok)
    final = balance(creo_db, uid)
    assert final >= 0
    assert final == 100 - spent  # none lost, none double-counted
    assert any(results) and not all(results)
    # every refusal was a real shortfall at its time: the balance left is below the smallest refused amount
    assert final < min(a for a, ok in zip(amounts, results, strict=True) if not ok)
    ledger = admin_sql(
        creo_db,
        "select count(*) as n, coalesce(sum(amount), 0) as total from public.credit_transactions"
        " where user_id = %s and reason = 'deduction'",
        (uid,),
    )[0]
    assert ledger["n"] == sum(results) and -ledger["total"] == spent
    assert (
        admin_sql(
            creo_db,
            "select min(balance_after) as m from public.credit_transactions where user_id = %s",
            (uid,),
        )[0]["m"]
        == final
    )


def test_concurrent_deductions_never_overdraw(creo_db: str) -> None:
    uid = create_user(creo_db, credits=49)

    def deduct(i: int) -> bool:
        with acting_as(creo_db, user(uid), commit=True) as conn:
            return conn.execute("select public.deduct_credits(%s, 1) as ok", (uid,)).fetchone()[
                "ok"
            ]

    results = _run_concurrently(50, deduct)
    assert sum(results) == 49
    assert balance(creo_db, uid) == 0
