"""The schema as a whole: loads whatever the file order, behaves the same under both of
Supabase's default-privilege modes, and passes the advisor rules it can break."""

from __future__ import annotations

import random
from collections import Counter

import pglast
import pytest
from pglast import ast

from creo_schema.platform import prelude_sql
from creo_schema.shadow.load import load_statements
from creo_schema.shadow.tempdb import ensure_template, temporary_database
from creo_schema.source.discover import discover
from creo_schema.source.order import load_order
from creo_schema.source.parse import parse_files
from tests.conftest import ROOT
from tests.creo.conftest import SCHEMA_DIR, schema_template
from tests.creo.helpers import admin_sql

# Privileges of every object Creo declares, one row per (object, grantee, privilege).
ACL_SNAPSHOT = """
with objects as (
  select 'table ' || c.oid::regclass::text as obj, coalesce(c.relacl, acldefault('r', c.relowner)) as acl
    from pg_class c where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace) and c.relkind in ('r', 'v', 'S')
  union all
  select 'column ' || a.attrelid::regclass::text || '.' || a.attname, a.attacl
    from pg_attribute a join pg_class c on c.oid = a.attrelid
   where c.relnamespace = 'public'::regnamespace and a.attacl is not null
  union all
  select 'function ' || p.oid::regprocedure::text, coalesce(p.proacl, acldefault('f', p.proowner))
    from pg_proc p where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
  union all
  select 'schema ' || n.nspname, n.nspacl from pg_namespace n where n.nspname = 'private'
)
select o.obj || ' ' || case when x.grantee = 0 then 'PUBLIC' else x.grantee::regrole::text end
       || ' ' || x.privilege_type as line
  from objects o cross join lateral aclexplode(o.acl) x
 order by 1
"""

# What exists: a coarse but complete picture of the declared objects.
CATALOG_SNAPSHOT = """
select 'rel ' || c.relkind::text || ' ' || c.oid::regclass::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
       || ' rls=' || c.relrowsecurity as line
  from pg_class c where c.relnamespace = 'public'::regnamespace
union all
select 'col ' || a.attrelid::regclass::text || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
  from pg_attribute a join pg_class c on c.oid = a.attrelid
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
 where c.relnamespace = 'public'::regnamespace and a.attnum > 0 and not a.attisdropped
union all
select 'con ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  from pg_constraint where connamespace = 'public'::regnamespace
union all
select 'idx ' || indexdef from pg_indexes where schemaname = 'public'
union all
select 'pol ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || roles::text || ' ' || coalesce(qual, '')
       || ' ' || coalesce(with_check, '') from pg_policies where schemaname = 'public'
union all
select 'trg ' || tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
union all
select 'fn ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc) || ' ' || p.prosecdef || ' '
       || coalesce(array_to_string(p.proconfig, ','), '')
  from pg_proc p where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
union all
select 'view ' || viewname || ' ' || md5(definition) from pg_views where schemaname = 'public'
union all
select 'row ' || key || ' ' || value::text from public.system_settings
order by 1
"""


def lines(url: str, query: str) -> list[str]:
    return [r["line"] for r in admin_sql(url, query)]


@pytest.fixture(scope="module")
def canonical(creo_cluster, creo_source) -> dict[str, list[str]]:
    from creo_schema.db import with_database

    url = with_database(creo_cluster.uri(), schema_template(creo_cluster, creo_source))
    return {"acl": lines(url, ACL_SNAPSHOT), "catalog": lines(url, CATALOG_SNAPSHOT)}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_loads_whatever_the_file_order(creo_cluster, creo_source, canonical, seed: int) -> None:
    files = list(discover(SCHEMA_DIR, ROOT))
    random.Random(seed).shuffle(files)
    if seed == 3:
        files = sorted(files, key=lambda f: f.path, reverse=True)
    statements = tuple(load_order(parse_files(files)))
    assert [s.location.file for s in statements] != [
        s.location.file for s in creo_source.statements
    ]
    admin = creo_cluster.uri()
    with temporary_database(admin, ensure_template(admin, prelude_sql("supabase"))) as url:
        load_statements(url, creo_source, statements)
        assert lines(url, CATALOG_SNAPSHOT) == canonical["catalog"]
        assert lines(url, ACL_SNAPSHOT) == canonical["acl"]


def test_same_privileges_under_legacy_default_grants(creo_cluster, creo_source, canonical) -> None:
    """With the legacy grant-everything defaults the explicit REVOKE/GRANTs give identical ACLs."""
    from creo_schema.db import with_database

    legacy = with_database(
        creo_cluster.uri(), schema_template(creo_cluster, creo_source, "supabase-legacy")
    )
    defaults = admin_sql(legacy, "select count(*) as n from pg_default_acl")[0]["n"]
    assert defaults >= 6  # the legacy mode really is in force
    assert lines(legacy, ACL_SNAPSHOT) == canonical["acl"]
    assert lines(legacy, CATALOG_SNAPSHOT) == canonical["catalog"]


def test_every_table_has_rls_and_every_function_a_search_path(world) -> None:
    assert (
        admin_sql(
            world.url,
            "select relname from pg_class where relnamespace = 'public'::regnamespace"
            " and relkind in ('r', 'p') and not relrowsecurity",
        )
        == []
    )
    bad = admin_sql(
        world.url,
        "select p.oid::regprocedure::text as f from pg_proc p"
        " where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)"
        " and not coalesce(p.proconfig @> array['search_path=\"\"'], false)",
    )
    assert bad == []
    definers = admin_sql(
        world.url,
        "select count(*) as n from pg_proc where prosecdef and pronamespace in"
        " ('public'::regnamespace, 'private'::regnamespace)",
    )[0]["n"]
    assert definers >= 15


def test_policies_follow_the_rls_practice(world) -> None:
    policies = admin_sql(
        world.url,
        "select tablename, policyname, permissive, roles::text[] as roles, cmd,"
        " coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr"
        " from pg_policies where schemaname = 'public'",
    )
    assert len(policies) == 30
    for p in policies:
        assert p["roles"] in (["authenticated"], ["anon"]), p  # always `to <role>`
        assert p["cmd"] != "ALL", p
        assert p["permissive"] == "PERMISSIVE"
        # lint 0003: auth.uid() and is_admin() only inside a sub-select (an initPlan)
        for call in ("auth.uid()", "private.is_admin()"):
            assert p["expr"].count(call) == p["expr"].count(f"SELECT {call}"), p
        assert "user_metadata" not in p["expr"]  # lint 0015
    # lint 0006: one permissive policy per table, role and command
    counts = Counter((p["tablename"], r, p["cmd"]) for p in policies for r in p["roles"])
    assert [k for k, n in counts.items() if n > 1] == []


def test_foreign_keys_are_indexed(world) -> None:
    """Lint 0001: every foreign key's columns lead some index."""
    rows = admin_sql(
        world.url,
        """
        select c.conrelid::regclass::text as tbl, c.conname
          from pg_constraint c
         where c.contype = 'f' and c.connamespace = 'public'::regnamespace
           and not exists (
             select 1 from pg_index i
              where i.indrelid = c.conrelid
                and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)""",
    )
    assert rows == []


def test_extensions_stay_out_of_public(world) -> None:
    rows = admin_sql(
        world.url,
        "select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace"
        " where e.extname <> 'plpgsql'",
    )
    assert {r["extname"]: r["nspname"] for r in rows}.get("pg_trgm") == "extensions"
    assert all(r["nspname"] != "public" for r in rows)


GUIDE_INDEXES = {
    # primary
    "idx_user_profiles_email",
    "idx_user_profiles_subscription_plan",
    "idx_user_profiles_created_at",
    "idx_orders_status",
    "idx_orders_created_at",
    "idx_orders_order_type",
    "idx_downloads_created_at",
    "idx_downloads_expires_at",
    "idx_payments_status",
    "idx_payments_created_at",
    "idx_payments_stripe_payment_intent_id",
    # composite (their leading user_id also serves the guide's per-table user_id index)
    "idx_orders_user_status_created",
    "idx_downloads_user_created",
    "idx_payments_user_status_created",
    # partial
    "idx_orders_active",
    "idx_downloads_active",
    "idx_payments_succeeded",
    # jsonb
    "idx_orders_metadata",
    "idx_payments_metadata",
    "idx_user_profiles_metadata",
    "idx_saved_searches_filters",
    # trigram
    "idx_user_profiles_full_name_trgm",
    "idx_saved_searches_name_trgm",
}


def test_guide_indexes(world) -> None:
    rows = admin_sql(
        world.url, "select indexname, indexdef from pg_indexes where schemaname = 'public'"
    )
    defs = {r["indexname"]: r["indexdef"] for r in rows}
    assert set(defs) >= GUIDE_INDEXES
    assert (
        "WHERE (status = ANY (ARRAY['pending'::order_status, 'processing'::order_status]))"
        in defs["idx_orders_active"]
    )
    assert "WHERE (is_active = true)" in defs["idx_downloads_active"]
    assert "WHERE (status = 'succeeded'::payment_status)" in defs["idx_payments_succeeded"]
    for name in ("idx_user_profiles_full_name_trgm", "idx_saved_searches_name_trgm"):
        assert "USING gin" in defs[name] and "extensions.gin_trgm_ops" in defs[name]
    for name in (
        "idx_orders_metadata",
        "idx_payments_metadata",
        "idx_user_profiles_metadata",
        "idx_saved_searches_filters",
    ):
        assert "USING gin" in defs[name]
    assert defs["idx_payments_stripe_payment_intent_id"].startswith("CREATE UNIQUE INDEX")


def test_trigram_search_uses_the_index(world) -> None:
    import psycopg

    with psycopg.connect(world.url) as conn:
        conn.execute("set enable_seqscan = off")
        plan = conn.execute(
            "explain select id from public.user_profiles"
            " where full_name operator(extensions.%) 'Olive Ownr'"
        ).fetchall()
    assert any("idx_user_profiles_full_name_trgm" in r[0] for r in plan)


def test_seed_data(world) -> None:
    rows = admin_sql(
        world.url, "select key, value, is_public, category from public.system_settings"
    )
    settings = {r["key"]: r for r in rows}
    flags = {k for k, r in settings.items() if r["category"] == "features"}
    assert {"feature.ai_generation", "feature.stock_downloads", "feature.api_access"} <= flags
    assert all(settings[k]["is_public"] for k in flags)
    assert (
        settings["credits.signup_bonus"]["value"] == 10
        and not settings["credits.signup_bonus"]["is_public"]
    )
    assert settings["downloads.link_ttl_hours"]["value"] == 168


def test_data_files_are_plain_inserts() -> None:
    """Reference data is declared as INSERTs keyed by primary key; the tool adds the upsert."""
    for path in sorted((SCHEMA_DIR / "data").rglob("*.sql")):
        for raw in pglast.parse_sql(path.read_text()):
            assert isinstance(raw.stmt, ast.InsertStmt), path
            assert raw.stmt.onConflictClause is None, path
    for path in sorted(SCHEMA_DIR.rglob("*.sql")):
        if "data" in path.parts:
            continue
        for raw in pglast.parse_sql(path.read_text()):
            assert not isinstance(
                raw.stmt,
                (ast.InsertStmt, ast.UpdateStmt, ast.DeleteStmt, ast.DropStmt, ast.TransactionStmt),
            ), path
