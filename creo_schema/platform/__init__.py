"""What the hosting platform provides before `schema/` is loaded (DESIGN.md step 3).

`supabase` recreates the parts of a Supabase database the app schema relies on: the API
roles, the `auth` schema and its helper functions, the `extensions` schema. `none` is plain
PostgreSQL: every schema but PostgreSQL's own and this tool's may be managed. A platform's
schemas are never diffed, changed or dropped.

The prelude has two parts: the roles, which belong to the whole cluster and are set up once
per cluster (supabase_roles.sql), and what each database gets (supabase.sql and, for the
legacy platform, supabase_legacy_grants.sql). `prelude_sql` is both, in that order.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from creo_schema.errors import InputError

PLATFORMS = ("supabase", "supabase-legacy", "none")
ROLES_FILE = "supabase_roles.sql"
# The role whose comment records which text of the roles part a cluster was set up with
# (shadow/tempdb.py). It is one the roles part creates: dropping it undoes the record too.
MARKED_ROLE = "supabase_admin"

# PostgreSQL's own schemas (and every `pg_*` name, which PostgreSQL reserves: pg_temp_3,
# pg_toast_temp_3, ...) and the tool's history schema: never managed, whatever the platform.
SYSTEM_SCHEMAS = frozenset({"information_schema", "pg_catalog", "pg_toast"})
TOOL_SCHEMA = "creo_schema"

# Schemas that belong to Supabase (SUPABASE.md section 2) or to this tool: never managed there.
PLATFORM_SCHEMAS = frozenset(
    {
        *SYSTEM_SCHEMAS,
        TOOL_SCHEMA,
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
    }
)


def reserved_schemas(platform: str) -> frozenset[str]:
    """The schemas `platform` keeps for itself: plain PostgreSQL (`none`) only its own and
    the tool's, so a user's schema named `auth` or `extensions` can be managed there."""
    if platform == "none":
        return SYSTEM_SCHEMAS | {TOOL_SCHEMA}
    return PLATFORM_SCHEMAS


def is_reserved(schema: str, platform: str) -> bool:
    return schema in reserved_schemas(platform) or schema.startswith("pg_")


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
    parts = [ROLES_FILE, "supabase.sql"] + (
        ["supabase_legacy_grants.sql"] if platform == "supabase-legacy" else []
    )
    return "\n".join(_read(part) for part in parts)


def split_prelude(prelude: str) -> tuple[str, str]:
    """(the cluster-wide part, the per-database part) of a text `prelude_sql` returned.

    A text that does not start with the roles part (`none`'s empty one) has no cluster-wide
    part: all of it is run in each database.
    """
    roles = _read(ROLES_FILE) + "\n"
    if prelude.startswith(roles):
        return roles, prelude[len(roles) :]
    return "", prelude


@cache  # the files ship with the package: read each once per process
def _read(part: str) -> str:
    return resources.files(__package__).joinpath(part).read_text(encoding="utf-8")
