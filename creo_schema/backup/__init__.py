"""Backups of the managed schemas' rows: create (full or incremental), list, restore, clean up.

`take_backup(settings, conn_url, migration_hint, mode=, statements=)` is the hook `apply`
and `rollback` call before they change anything: by default it backs up only the tables
their statements can lose rows from (scope.py), and nothing when none can.
"""

from creo_schema.backup.create import BackupMode, BackupResult, create_backup, take_backup
from creo_schema.backup.restore import RestoreResult, restore_backup
from creo_schema.backup.scope import BackupScope, TargetFacts, tables_at_risk
from creo_schema.backup.store import (
    BackupMeta,
    CleanupChoice,
    choose_cleanup,
    cutoff_of,
    list_backups,
    remove_backups,
)

__all__ = [
    "BackupMeta",
    "BackupMode",
    "BackupResult",
    "BackupScope",
    "CleanupChoice",
    "RestoreResult",
    "TargetFacts",
    "choose_cleanup",
    "create_backup",
    "cutoff_of",
    "list_backups",
    "remove_backups",
    "restore_backup",
    "tables_at_risk",
    "take_backup",
]
