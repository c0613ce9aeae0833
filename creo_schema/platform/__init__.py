"""What the hosting platform provides before `schema/` is loaded (DESIGN.md step 3).

`supabase` recreates the parts of a Supabase database the app schema relies on: the API
roles, the `auth` schema and its helper functions, the `extensions` schema. `none` is plain
PostgreSQL. Platform-managed schemas are never diffed, changed or dropped.
"""

from __future__ import annotations

from importlib import resources

from creo_schema.errors import InputError

PLATFORMS = ("supabase", "supabase-legacy", "none")

# Schemas that belong to the platform (SUPABASE.md section 2) or to this tool: never managed.
PLATFORM_SCHEMAS = frozenset(
    {
        "information_schema",
        "pg_catalog",
        "pg_toast",
        "_analytics",
        "_realtime",
        "_supavisor",
        "auth",
        "etl",
        "extensions",
        "graphql",
        "graphql_public",
        "net",
        "pgbouncer",
        "pgsodium",
        "pgsodium_masks",
        "realtime",
        "storage",
        "supabase_functions",
        "supabase_migrations",
        "vault",
        "cron",
        "pgmq",
        "creo_schema",
    }
)


def prelude_sql(platform: str) -> str:
    """The SQL that makes a fresh database look like the platform's (empty for `none`).

    `supabase` is a project as created since May 2026 (no automatic grants to the API
    roles); `supabase-legacy` adds the older default privileges that granted everything.
    """
    if platform == "none":
        return ""
    if platform not in PLATFORMS:
        raise InputError(
            f"unknown platform {platform!r}", hint="use supabase, supabase-legacy or none"
        )
    parts = ["supabase.sql"] + (
        ["supabase_legacy_grants.sql"] if platform == "supabase-legacy" else []
    )
    files = resources.files(__package__)
    return "\n".join(files.joinpath(part).read_text(encoding="utf-8") for part in parts)
