"""Which database a command acts on: --database-url, else DATABASE_URL, else the dev database."""

from __future__ import annotations

from creo_schema.config import Settings
from creo_schema.dev import database as dev


def resolve_target(settings: Settings) -> str:
    if settings.database_url:
        return settings.database_url
    return dev.start(settings.platform)
