"""The Supabase platform prelude: roles, auth.users, the JWT helpers, extensions, on 18 and 15."""

from __future__ import annotations

import hashlib
import json

import psycopg
import pytest

from creo_schema.platform import prelude_sql, split_prelude
from creo_schema.shadow.tempdb import ensure_template, temporary_database

AUTH_USERS_COLUMNS = [
    "instance_id",
    "id",
    "aud",
    "role",
    "email",
    "encrypted_password",
    "email_confirmed_at",
    "invited_at",
    "confirmation_token",
    "confirmation_sent_at",
    "recovery_token",
    "recovery_sent_at",
    "email_change_token_new",
    "email_change",
    "email_change_sent_at",
    "last_sign_in_at",
    "raw_app_meta_data",
    "raw_user_meta_data",
    "is_super_admin",
    "created_at",
    "updated_at",
    "phone",
    "phone_confirmed_at",
    "phone_change",
    "phone_change_token",
    "phone_change_sent_at",
    "confirmed_at",
    "email_change_token_current",
    "email_change_confirm_status",
    "banned_until",
    "reauthentication_token",
    "reauthentication_sent_at",
    "is_sso_user",
    "deleted_at",
    "is_anonymous",
]


@pytest.fixture(scope="module", params=["supabase", "supabase-legacy"])
def prelude_db(request, creo_cluster):
    admin = creo_cluster.uri()
    with temporary_database(admin, ensure_template(admin, prelude_sql(request.param))) as url:
        yield url


def q(url: str, sql: str, params=None):
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def test_roles(prelude_db: str) -> None:
    rows = {
        r[0]: r[1:]
        for r in q(
            prelude_db,
            "select rolname, rolcanlogin, rolinherit, rolbypassrls, rolsuper from pg_roles",
        )
    }
    assert rows["anon"] == (False, True, False, False)
    assert rows["authenticated"] == (False, True, False, False)
    assert rows["service_role"] == (False, True, True, False)
    assert rows["authenticator"] == (True, False, False, False)
    assert rows["supabase_admin"][3] is True
    for role in ("supabase_auth_admin", "supabase_storage_admin", "dashboard_user", "pgbouncer"):
        assert role in rows
    members = {
        r[0]
        for r in q(
            prelude_db,
            "select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid"
            " where m.member = 'authenticator'::regrole",
        )
    }
    assert members == {"anon", "authenticated", "service_role"}


def test_auth_users(prelude_db: str) -> None:
    cols = [
        r[0]
        for r in q(
            prelude_db,
            "select attname from pg_attribute where attrelid = 'auth.users'::regclass"
            " and attnum > 0 and not attisdropped order by attnum",
        )
    ]
    assert cols == AUTH_USERS_COLUMNS
    assert q(
        prelude_db,
        "select relrowsecurity, relowner::regrole::text from pg_class where oid = 'auth.users'::regclass",
    ) == [(True, "supabase_auth_admin")]
    # email is unique only among non-SSO users
    q(prelude_db, "insert into auth.users (id, email) values (gen_random_uuid(), 'a@x.io')")
    q(
        prelude_db,
        "insert into auth.users (id, email, is_sso_user) values (gen_random_uuid(), 'a@x.io', true)",
    )
    with pytest.raises(psycopg.errors.UniqueViolation):
        q(prelude_db, "insert into auth.users (id, email) values (gen_random_uuid(), 'a@x.io')")


def test_jwt_helpers(prelude_db: str) -> None:
    claims = {
        "sub": "8f0e3a1c-0000-4000-8000-000000000001",
        "role": "authenticated",
        "email": "u@x.io",
        "app_metadata": {"provider": "email"},
    }
    with psycopg.connect(prelude_db) as conn:
        conn.execute("set local role authenticated")
        conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
        row = conn.execute(
            "select auth.uid()::text, auth.role(), auth.email(), auth.jwt() -> 'app_metadata' ->> 'provider'"
        ).fetchone()
    assert row == (claims["sub"], "authenticated", "u@x.io", "email")
    with psycopg.connect(prelude_db) as conn:
        assert conn.execute("select auth.uid(), auth.role(), auth.jwt()").fetchone() == (
            None,
            None,
            None,
        )


def test_extensions(prelude_db: str) -> None:
    (uuid,) = q(prelude_db, "select extensions.uuid_generate_v4()")[0]
    assert uuid.version == 4
    (digest,) = q(prelude_db, "select encode(extensions.digest('abc', 'sha256'), 'hex')")[0]
    assert digest == hashlib.sha256(b"abc").hexdigest()
    (size,) = q(prelude_db, "select length(extensions.gen_random_bytes(40))")[0]
    assert size == 40
    assert q(
        prelude_db,
        "select has_schema_privilege('anon', 'extensions', 'usage'),"
        " has_schema_privilege('authenticated', 'auth', 'usage')",
    ) == [(True, True)]


# Every row version of the catalogs that roles live in, shared by all the cluster's databases.
SHARED_ROLE_ROWS = """
select 'pg_authid', xmin::text, ctid::text from pg_catalog.pg_authid
union all select 'pg_auth_members', xmin::text, ctid::text from pg_catalog.pg_auth_members
union all select 'pg_db_role_setting', xmin::text, ctid::text from pg_catalog.pg_db_role_setting
order by 1, 2, 3
"""


@pytest.mark.parametrize("platform", ["supabase", "supabase-legacy"])
def test_the_per_database_part_leaves_the_roles_alone(creo_cluster, platform: str) -> None:
    """Roles are set up once per cluster: what each database gets must not write a role, or
    two databases prepared at once collide on it (`tuple concurrently updated`)."""
    admin = creo_cluster.uri()
    roles, per_database = split_prelude(prelude_sql(platform))
    assert "create role" in roles and "create role" not in per_database
    ensure_template(admin, prelude_sql(platform))  # the roles exist, set up once
    before = q(admin, SHARED_ROLE_ROWS)

    with temporary_database(admin) as url:
        q(url, per_database)
        assert q(url, "select to_regprocedure('auth.uid()') is not null") == [(True,)]

    assert q(admin, SHARED_ROLE_ROWS) == before
