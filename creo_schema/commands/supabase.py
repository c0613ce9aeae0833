"""`plan --supabase-migration NAME`: the proven plan as Supabase CLI migration files."""

from __future__ import annotations

from pathlib import Path

from creo_schema.config import Settings
from creo_schema.errors import CreoError
from creo_schema.migrations.files import (
    check_name,
    refuse_environment,
    refuse_outside_transaction,
    write,
)
from creo_schema.plan_document import Plan

__all__ = ["check_name", "refusal", "write_migration"]


def refusal(plan: Plan, name: str) -> CreoError | None:
    """Why the plan cannot be written as a migration file (exit 2), if it cannot."""
    try:
        refuse_outside_transaction(plan, name)
        refuse_environment(plan, name)
    except CreoError as error:
        return error
    return None


def write_migration(settings: Settings, plan: Plan, name: str) -> list[Path]:
    """The files written (migrations, then the rollback); none when the plan is empty."""
    if not plan.has_changes:
        return []
    written = write(plan, name, settings.supabase_dir)
    return [*written.migrations, written.rollback]
