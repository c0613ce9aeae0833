"""Backups of the managed schemas' rows: create (full or incremental), list, restore, clean up.

`take_backup(settings, conn_url, migration_hint) -> backup_id` is the hook `apply` calls
before it changes anything.
"""

from creo_schema.backup.create import BackupResult, create_backup, take_backup
from creo_schema.backup.restore import RestoreResult, restore_backup
from creo_schema.backup.store import BackupMeta, cleanup, list_backups

__all__ = [
    "BackupMeta",
    "BackupResult",
    "RestoreResult",
    "cleanup",
    "create_backup",
    "list_backups",
    "restore_backup",
    "take_backup",
]
