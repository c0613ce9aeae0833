"""`dev`: the local development database."""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.commands.confirm import Ask, require_approval
from creo_schema.config import Settings
from creo_schema.dev import database
from creo_schema.dev.database import DevStatus


@dataclass(frozen=True)
class DevDatabase:
    """What `dev start|url|reset` print: the URL, and what it points at."""

    url: str
    database: str  # the one database the dev server holds for schema/
    data_dir: str  # the embedded server's data directory
    platform: str  # whose prelude (roles, auth schema...) the database was made with


def start(settings: Settings) -> DevDatabase:
    return _described(database.start(settings.platform), settings)


def status() -> DevStatus:
    return database.status()


def status_exit_code(state: DevStatus) -> int:
    """0 running, 1 stopped, whatever the output format: a script can ask `dev status`
    before it needs the server (`creo-schema dev status || creo-schema dev start`), as it
    asks `drift` whether anything differs (DESIGN.md: 1 = the check found something)."""
    return 0 if state.running else 1


def reset(settings: Settings, *, approved: bool, ask: Ask | None) -> DevDatabase:
    require_approval(
        "Drop every object and row of the dev database?",
        approved=approved,
        ask=ask,
        unattended="dev database not reset",
        declined="dev database not reset",
    )
    return _described(database.reset(settings.platform), settings)


def _described(url: str, settings: Settings) -> DevDatabase:
    return DevDatabase(url, database.DATABASE, database.status().data_dir, settings.platform)
