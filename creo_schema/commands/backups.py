"""`backup create|list|restore|cleanup`, and the backup mode `apply` and `rollback` take."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from creo_schema.commands.confirm import Ask, require_approval
from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.errors import DatabaseError, InputError
from creo_schema.words import plural, these

if TYPE_CHECKING:
    from datetime import datetime

    from creo_schema.backup import BackupMeta, BackupMode, BackupResult, RestoreResult
    from creo_schema.backup import CleanupChoice as Cleanup
    from creo_schema.backup.create import Progress as RowProgress


def backup_mode(settings: Settings, chosen: str | None, no_backup: bool) -> BackupMode:
    if no_backup and chosen not in (None, "none"):
        raise InputError(f"--no-backup contradicts --backup {chosen}", hint="pass one of them")
    if no_backup or chosen == "none":
        return "none"
    if chosen == "all":
        return "all"
    return "changed" if chosen == "changed" or settings.backup_before_apply else "none"


def create(settings: Settings, *, incremental: bool, progress: RowProgress) -> BackupResult:
    from creo_schema.backup import create_backup

    return create_backup(
        settings, resolve_target(settings), incremental=incremental, progress=progress
    )


def list_all(settings: Settings) -> list[BackupMeta]:
    from creo_schema.backup import list_backups

    return list_backups(Path(settings.backup_dir))


def restore(
    settings: Settings,
    backup_id: str,
    *,
    force: bool,
    approved: bool,
    ask: Ask | None,
    progress: RowProgress,
) -> RestoreResult:
    from creo_schema.backup import restore_backup
    from creo_schema.backup.store import read_meta

    meta = read_meta(Path(settings.backup_dir), backup_id)
    tables = (
        f"every table in {', '.join(meta.managed_schemas)}"
        if meta.scope == "all"
        else ", ".join(t.qualified for t in meta.tables)
    )
    require_approval(
        f"Replace the rows of {tables} with backup {backup_id}?",
        approved=approved,
        ask=ask,
        unattended="not restoring without confirmation",
        declined="not restored: declined at the prompt",
    )
    return restore_backup(
        settings, resolve_target(settings), backup_id, force=force, progress=progress
    )


@dataclass(frozen=True)
class CleanupChoice:
    choice: Cleanup
    cutoff: datetime


def choose_cleanup(settings: Settings, days: float, *, force: bool) -> CleanupChoice:
    """Which backups are old enough to go, and which stay and why (referenced by the
    target's history unless `force`, or the base of a kept one)."""
    from creo_schema.backup import choose_cleanup as choose
    from creo_schema.backup import cutoff_of

    cutoff = cutoff_of(days)
    referenced = {} if force else _referenced_backups(settings)
    return CleanupChoice(choose(list_all(settings), cutoff, referenced), cutoff)


def clean_up(
    settings: Settings, chosen: CleanupChoice, *, approved: bool, ask: Ask | None
) -> list[str]:
    from creo_schema.backup import remove_backups

    remove = chosen.choice.remove
    if remove:
        require_approval(
            f"Remove {these(len(remove), 'backup')}?",
            approved=approved,
            ask=ask,
            unattended=f"not removing {plural(len(remove), 'backup')} without confirmation",
            declined="nothing removed: declined at the prompt",
        )
    remove_backups(Path(settings.backup_dir), remove, chosen.cutoff)
    return list(remove)


def _referenced_backups(settings: Settings) -> dict[str, list[int]]:
    """Backup id -> the migrations whose history row references it, read from the target."""
    import psycopg

    from creo_schema.apply.history import backup_references
    from creo_schema.db import connect

    try:
        with connect(resolve_target(settings), autocommit=True) as conn:
            return backup_references(conn)
    except psycopg.Error as error:
        raise DatabaseError(
            f"cannot read the migration history: {error.diag.message_primary or error}",
            hint="pass --force to remove old backups without checking (referenced ones included)",
        ) from None
    except DatabaseError as error:
        raise DatabaseError(
            f"cannot tell which backups the migration history references: {error.message}",
            hint="make the target reachable, or pass --force to remove old backups "
            "without checking (referenced ones included)",
        ) from None
