"""API keys: hashed storage, plaintext shown once, validation (hash, expiry, revocation, scope)."""

from __future__ import annotations

import hashlib
import re

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import ANON, SERVICE, acting_as, admin_sql, one, sqlstate_of, user


def create_key(url: str, uid: str, scopes: str = "{read}", expires: str | None = None) -> dict:
    with acting_as(url, user(uid), commit=True) as conn:
        return conn.execute(
            "select * from public.create_api_key('test key', %s::public.api_key_scope[], %s::timestamptz)",
            (scopes, expires),
        ).fetchone()


def validate(url: str, key: str, scope: str | None = None) -> dict:
    with acting_as(url, SERVICE, commit=True) as conn:
        return conn.execute(
            "select * from public.validate_api_key(%s, %s::public.api_key_scope)", (key, scope)
        ).fetchone()


def test_key_is_stored_only_as_a_hash(fresh_world: World) -> None:
    w = fresh_world
    created = create_key(w.url, w.owner)
    plaintext = created["api_key"]
    assert re.fullmatch(r"creo_[0-9a-f]{64}", plaintext)
    assert created["key_prefix"] == plaintext[:13]
    row = admin_sql(w.url, "select * from public.api_keys where id = %s", (created["id"],))[0]
    assert row["key_hash"] == hashlib.sha256(plaintext.encode()).hexdigest()
    assert row["key_prefix"] == plaintext[:13]
    # the plaintext is nowhere in the database
    dump = admin_sql(w.url, "select string_agg(t::text, ' ') as s from public.api_keys t")[0]["s"]
    assert plaintext not in dump and plaintext[13:] not in dump
    # two keys never collide
    assert create_key(w.url, w.owner)["api_key"] != plaintext


def test_validate(fresh_world: World) -> None:
    w = fresh_world
    key = create_key(w.url, w.owner, "{read,download}")["api_key"]
    ok = validate(w.url, key)
    assert (ok["is_valid"], str(ok["user_id"]), ok["reason"]) == (True, w.owner, "ok")
    assert validate(w.url, key, "download")["is_valid"] is True
    assert validate(w.url, key, "generate")["reason"] == "insufficient_scope"
    assert validate(w.url, key + "x")["reason"] == "not_found"
    assert validate(w.url, "")["reason"] == "not_found"
    usage = admin_sql(
        w.url,
        "select usage_count, last_used_at from public.api_keys where key_prefix = %s",
        (key[:13],),
    )[0]
    assert usage["usage_count"] == 2 and usage["last_used_at"] is not None  # only valid uses count

    expiring = create_key(w.url, w.owner, expires="2999-01-01")["api_key"]
    admin_sql(
        w.url,
        "update public.api_keys set expires_at = now() - interval '1 second' where key_prefix = %s",
        (expiring[:13],),
    )
    assert validate(w.url, expiring)["reason"] == "expired"

    # revoking is the owner's; undoing it is nobody's
    with acting_as(w.url, user(w.owner), commit=True) as conn:
        assert (
            conn.execute(
                "update public.api_keys set revoked_at = now() where key_prefix = %s", (key[:13],)
            ).rowcount
            == 1
        )
    assert validate(w.url, key)["reason"] == "revoked"
    for who in (user(w.owner), user(w.admin)):
        with acting_as(w.url, who) as conn, pytest.raises(psycopg.Error) as info:
            conn.execute(
                "update public.api_keys set revoked_at = null where key_prefix = %s", (key[:13],)
            )
        assert "revocation cannot be undone" in str(info.value)
    assert (
        admin_sql(
            w.url, "select usage_count from public.api_keys where key_prefix = %s", (key[:13],)
        )[0]["usage_count"]
        == 2
    )


def test_who_may_create_and_validate(fresh_world: World) -> None:
    w = fresh_world
    key = create_key(w.url, w.owner)["api_key"]
    for who in (ANON, user(w.owner), user(w.admin)):
        with acting_as(w.url, who) as conn, pytest.raises(psycopg.Error) as info:
            conn.execute("select * from public.validate_api_key(%s)", (key,))
        assert "permission denied for function validate_api_key" in str(info.value)
    with acting_as(w.url, ANON) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select * from public.create_api_key('x')")
    assert sqlstate_of(info.value) == "42501"
    with acting_as(w.url, user(w.owner)) as conn, pytest.raises(psycopg.Error) as info:
        conn.execute("select * from public.create_api_key('x', '{read}', now() - interval '1 day')")
    assert sqlstate_of(info.value) == "22023"


def test_owner_cannot_widen_a_key(fresh_world: World) -> None:
    w = fresh_world
    key = create_key(w.url, w.owner)
    for change in (
        "scopes = '{read,write,download,generate}'",
        "expires_at = now() + interval '100 years'",
        "usage_count = 0",
        "key_hash = repeat('c', 64)",
    ):
        with acting_as(w.url, user(w.owner)) as conn, pytest.raises(psycopg.Error) as info:
            conn.execute(f"update public.api_keys set {change} where id = %s", (key["id"],))
        assert sqlstate_of(info.value) == "42501", change
    assert (
        one(
            w.url,
            user(w.admin),
            "update public.api_keys set scopes = '{read,write}' where id = %s returning 1",
            (key["id"],),
        )
        == 1
    )


def test_key_limit(fresh_world: World) -> None:
    w = fresh_world
    admin_sql(
        w.url, "update public.system_settings set value = '2' where key = 'api_keys.max_per_user'"
    )
    create_key(w.url, w.other)
    create_key(w.url, w.other)
    with pytest.raises(psycopg.Error) as info:
        create_key(w.url, w.other)
    assert sqlstate_of(info.value) == "54000"
