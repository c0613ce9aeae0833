"""The designed schema's catalog: `schema/` loaded into a shadow database, then read.

Uses the same pieces as `plan` (source loading, the platform template, a temporary
database on the shadow server), so the types describe exactly what `apply` would create.
"""

from __future__ import annotations

from creo_schema.catalog import KINDS, CatalogSnapshot, snapshot
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.platform import prelude_sql
from creo_schema.roles import shadow_roles
from creo_schema.shadow.load import load_statements
from creo_schema.shadow.providers import shadow_cluster
from creo_schema.shadow.select import open_shadow
from creo_schema.shadow.tempdb import ensure_roles, ensure_template, temporary_database
from creo_schema.source.load import load_source


def desired_snapshot(settings: Settings, schemas: tuple[str, ...] | None = None) -> CatalogSnapshot:
    source = load_source(settings.schema_dir)
    major = (
        shadow_cluster("embedded").major_version() if settings.shadow in ("auto", "embedded") else 0
    )
    shadow = open_shadow(
        settings.shadow, major, accept_mismatch=True, idle_stop_s=settings.shadow_idle_stop_s
    )
    template = ensure_template(shadow.admin_url, prelude_sql(settings.platform))
    ensure_roles(shadow.admin_url, shadow_roles(source, settings))
    with temporary_database(shadow.admin_url, template) as url:
        load_statements(url, source)
        with connect(url, autocommit=True) as conn:
            return snapshot(
                conn,
                schemas or settings.managed_schemas,
                kinds=tuple(KINDS),
                platform=settings.platform,
            )
