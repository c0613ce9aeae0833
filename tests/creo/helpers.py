"""Acting as a Data API caller, and making the users and rows the Creo tests need.

`acting_as` does what PostgREST does for a request: in one transaction, `set local role` to the
JWT's role and `set_config('request.jwt.claims', <claims>, true)`. Each call opens its own
connection, so the two traps of SUPABASE.md section 4 (settings that read '' after a
transaction that set them locally) cannot leak from one identity to the next.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.rows import dict_row


@dataclass(frozen=True)
class Identity:
    """Who a request comes from: the JWT's role claim plus, for users, sub/email/app_metadata."""

    role: str  # anon | authenticated | service_role
    uid: str | None = None
    email: str | None = None
    app_metadata: dict[str, Any] = field(default_factory=dict)

    def claims(self) -> dict[str, Any]:
        claims: dict[str, Any] = {"role": self.role, "aud": self.role}
        if self.uid:
            claims.update(
                sub=self.uid,
                email=self.email,
                app_metadata={"provider": "email", **self.app_metadata},
                user_metadata={},
                is_anonymous=False,
                aal="aal1",
            )
        return claims


ANON = Identity("anon")
SERVICE = Identity("service_role")


def user(uid: str, email: str | None = None, **app_metadata: Any) -> Identity:
    return Identity("authenticated", uid, email, app_metadata)


@contextmanager
def acting_as(
    url: str,
    who: Identity,
    *,
    commit: bool = False,
    setup: str | None = None,
    params: dict[str, Any] | None = None,
) -> Iterator[psycopg.Connection]:
    """A connection inside one transaction that runs as `who`; rolled back unless commit=True.

    `setup` runs first as the connecting superuser, in the same transaction (to arrange a cell).
    """
    conn = psycopg.connect(url, row_factory=dict_row)
    try:
        if setup:
            conn.execute(setup, params or {})
        conn.execute(f"set local role {who.role}")
        conn.execute(
            "select set_config('request.jwt.claims', %s, true)", (json.dumps(who.claims()),)
        )
        yield conn
        if commit:
            conn.commit()
        else:
            conn.rollback()
    finally:
        conn.close()


def one(url: str, who: Identity, sql: str, params: Any = None, *, commit: bool = True) -> Any:
    """Run one statement as `who` and return the first column of its first row."""
    with acting_as(url, who, commit=commit) as conn:
        row = conn.execute(sql, params).fetchone()
        return None if row is None else next(iter(row.values()))


def admin_sql(url: str, sql: str, params: Any = None) -> list[dict[str, Any]]:
    """Run as the superuser (no API role, no claims), committed; return all rows (if any)."""
    with psycopg.connect(url, row_factory=dict_row, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def create_user(
    url: str,
    email: str | None = None,
    *,
    full_name: str | None = None,
    admin: bool = False,
    credits: int | None = None,
    user_metadata: dict[str, Any] | None = None,
) -> str:
    """Sign a user up the way Supabase Auth does (an auth.users insert); returns the id."""
    uid = str(uuid.uuid4())
    email = email or f"{uid[:8]}@example.com"
    meta = dict(user_metadata or {})
    if full_name:
        meta["full_name"] = full_name
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)"
            " values (%s, 'authenticated', 'authenticated', %s, %s, %s, now(), now())",
            (uid, email, json.dumps({"provider": "email"}), json.dumps(meta)),
        )
        if admin:
            conn.execute("update public.user_profiles set role = 'admin' where id = %s", (uid,))
        if credits is not None:
            conn.execute(
                "update public.user_profiles set credits = %s where id = %s", (credits, uid)
            )
    return uid


def sqlstate_of(error: BaseException) -> str | None:
    return getattr(getattr(error, "diag", None), "sqlstate", None)
