"""`dev`: the local development database."""

from __future__ import annotations

from creo_schema.commands.confirm import Ask, require_approval
from creo_schema.config import Settings
from creo_schema.dev import database
from creo_schema.dev.database import DevStatus


def start(settings: Settings) -> str:
    return database.start(settings.platform)


def status() -> DevStatus:
    return database.status()


def status_exit_code(state: DevStatus) -> int:
    return 0 if state.running else 1


def reset(settings: Settings, *, approved: bool, ask: Ask | None) -> str:
    require_approval(
        "Drop every object and row of the dev database?",
        approved=approved,
        ask=ask,
        unattended="dev database not reset",
        declined="dev database not reset",
        flag="--yes",
    )
    return database.reset(settings.platform)
