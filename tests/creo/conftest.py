"""Databases holding the platform prelude and the whole Creo schema, on PostgreSQL 18 and 15.

Loading the schema once per server and copying it (CREATE DATABASE ... TEMPLATE) per test keeps
the suite fast. `creo_db` is a fresh copy per test; `world` is one populated copy per server
shared by the read-only tests, which always roll back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql

from creo_schema.db import with_database
from creo_schema.platform import prelude_sql
from creo_schema.shadow.cluster import Cluster
from creo_schema.shadow.load import load_statements
from creo_schema.shadow.tempdb import drop_database, ensure_template, temporary_database
from creo_schema.source.load import load_source
from creo_schema.source.model import SourceSet
from tests.conftest import ROOT
from tests.creo.helpers import admin_sql, create_user

SCHEMA_DIR = ROOT / "schema"


@pytest.fixture(scope="session")
def creo_source() -> SourceSet:
    return load_source(SCHEMA_DIR, display_root=ROOT)


@pytest.fixture(scope="session", params=["pg18", "pg15"])
def creo_cluster(request: pytest.FixtureRequest) -> Cluster:
    """Both servers; every test using it (or the fixtures below) runs once on each."""
    return request.getfixturevalue(request.param)


_templates: dict[tuple[str, str], str] = {}


def schema_template(cluster: Cluster, source: SourceSet, platform: str = "supabase") -> str:
    """A database with the prelude and the Creo schema loaded, built once per server and mode."""
    key = (str(cluster.pgdata), platform)
    if key not in _templates:
        admin = cluster.uri()
        prelude = ensure_template(admin, prelude_sql(platform))
        name = f"creo_test_{os.getpid()}_{platform.replace('-', '_')}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("drop database if exists {}").format(sql.Identifier(name)))
            conn.execute(
                sql.SQL("create database {} template {}").format(
                    sql.Identifier(name), sql.Identifier(prelude)
                )
            )
        load_statements(with_database(admin, name), source)
        _templates[key] = name
    return _templates[key]


@pytest.fixture(scope="session", autouse=True)
def _drop_templates() -> Iterator[None]:
    yield
    from tests.conftest import _started

    for (pgdata, _), name in _templates.items():
        for cluster in _started.values():
            if str(cluster.pgdata) == pgdata:
                drop_database(cluster.uri(), name)


@pytest.fixture
def creo_db(creo_cluster: Cluster, creo_source: SourceSet) -> Iterator[str]:
    """A fresh database with prelude + Creo schema (and its seed data); dropped afterwards."""
    template = schema_template(creo_cluster, creo_source)
    with temporary_database(creo_cluster.uri(), template) as url:
        yield url


@dataclass(frozen=True)
class World:
    """A populated database: three users and one row of every table owned by `owner`."""

    url: str
    owner: str
    other: str
    admin: str
    ids: dict[str, str]

    def params(self) -> dict[str, str]:
        return {"owner": self.owner, "other": self.other, "admin": self.admin, **self.ids}


def build_world(url: str) -> World:
    owner = create_user(url, "owner@example.com", full_name="Olive Owner")
    other = create_user(url, "other@example.com", full_name="Otto Other")
    admin = create_user(url, "admin@example.com", full_name="Ada Admin", admin=True)
    p = {"owner": owner}
    ids = {
        "order": admin_sql(
            url,
            "insert into public.orders (user_id, order_type, total_cost, credits_used, items)"
            ' values (%(owner)s, \'stock_download\', 500, 5, \'[{"id": "123", "type": "image"}]\')'
            " returning id",
            p,
        )[0]["id"],
        "download": admin_sql(
            url,
            "insert into public.downloads (user_id, file_name, file_url, file_type)"
            " values (%(owner)s, 'sunset.jpg', 'https://cdn.example.com/sunset.jpg', 'image/jpeg')"
            " returning id",
            p,
        )[0]["id"],
        "payment": admin_sql(
            url,
            "insert into public.payments (user_id, stripe_payment_intent_id, amount, status)"
            " values (%(owner)s, 'pi_owner_1', 900, 'succeeded') returning id",
            p,
        )[0]["id"],
        "api_key": admin_sql(
            url,
            "insert into public.api_keys (user_id, name, key_prefix, key_hash)"
            " values (%(owner)s, 'ci', 'creo_0000000', repeat('a', 64)) returning id",
            p,
        )[0]["id"],
        "search_private": admin_sql(
            url,
            "insert into public.saved_searches (user_id, name, search_query)"
            " values (%(owner)s, 'my cats', 'cats') returning id",
            p,
        )[0]["id"],
        "search_public": admin_sql(
            url,
            "insert into public.saved_searches (user_id, name, search_query, is_public)"
            " values (%(owner)s, 'shared dogs', 'dogs', true) returning id",
            p,
        )[0]["id"],
        "admin_log": admin_sql(
            url,
            "insert into public.admin_logs (admin_id, action, target_type, target_id)"
            " values (%(owner)s, 'seeded', 'system', null) returning id",
            p,
        )[0]["id"],
        "archived_log": admin_sql(
            url,
            "insert into public.archived_admin_logs (id, action, target_type, created_at)"
            " values (gen_random_uuid(), 'old', 'system', now() - interval '1 year')"
            " returning id",
            p,
        )[0]["id"],
        "rate_event": admin_sql(
            url,
            "insert into public.rate_limit_events (user_id, action_type)"
            " values (%(owner)s, 'api_calls') returning id",
            p,
        )[0]["id"],
    }
    return World(url, owner, other, admin, {k: str(v) for k, v in ids.items()})


@pytest.fixture(scope="session")
def world(creo_cluster: Cluster, creo_source: SourceSet) -> Iterator[World]:
    """One populated database per server, shared: tests using it must not commit."""
    template = schema_template(creo_cluster, creo_source)
    with temporary_database(creo_cluster.uri(), template) as url:
        yield build_world(url)


@pytest.fixture
def fresh_world(creo_db: str) -> World:
    """A populated database of the test's own, for tests that commit."""
    return build_world(creo_db)


__all__ = ["SCHEMA_DIR", "World", "schema_template"]
