"""`backup create | list | restore | cleanup`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from creo_schema.cli.app import (
    cli,
    format_option,
    settings_of,
)
from creo_schema.errors import SafetyError
from creo_schema.render import document


@cli.group()
def backup() -> None:
    """Backups of the managed schemas' rows (folders under backup_dir, default backups/)."""


class _RowProgress:
    """A progress bar per table on stderr, only when a person is watching."""

    def __init__(self, enabled: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.console = Console(stderr=True)
        self.bar: Any = (
            Progress(console=self.console, transient=True)
            if (enabled and self.console.is_terminal)
            else None
        )
        self.tasks: dict[str, Any] = {}

    def __call__(self, table: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        if table not in self.tasks:
            self.tasks[table] = self.bar.add_task(table, total=total or None)
        self.bar.update(self.tasks[table], completed=done, total=max(total, done) or None)

    def __enter__(self) -> _RowProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@backup.command("create")
@click.option(
    "--incremental",
    is_flag=True,
    help="Only rows changed since the latest backup (plus every primary key, for deletes).",
)
@format_option()
@click.pass_context
def backup_create(ctx: click.Context, incremental: bool) -> None:
    """Back up every table of the managed schemas, streamed and compressed."""
    from creo_schema.backup import create_backup
    from creo_schema.commands.target import resolve_target

    root = ctx.find_root()
    settings = settings_of(root)
    with _RowProgress(root.obj["format"] == "text") as progress:
        made = create_backup(
            settings, resolve_target(settings), incremental=incremental, progress=progress
        )
    rows = sum(t.rows for t in made.meta.tables)
    size = sum(t.bytes for t in made.meta.tables)
    if root.obj["format"] == "json":
        click.echo(
            document(
                "backup-create",
                id=made.id,
                path=str(made.path),
                incremental=made.meta.kind == "incremental",
                base=made.meta.base,
                tables=len(made.meta.tables),
                rows=rows,
                bytes=size,
            )
        )
    else:
        base = f" on top of {made.meta.base}" if made.meta.base else ""
        click.echo(
            f"Backup {made.id} ({made.meta.kind}{base}): {len(made.meta.tables)} tables, "
            f"{rows} rows, {size} bytes compressed, in {made.path}"
        )


@backup.command("list")
@format_option()
@click.pass_context
def backup_list(ctx: click.Context) -> None:
    """List the backups, oldest first."""
    from creo_schema.backup import list_backups

    root = ctx.find_root()
    found = list_backups(Path(settings_of(root).backup_dir))
    if root.obj["format"] == "json":
        click.echo(
            document(
                "backup-list",
                backups=[
                    {
                        "id": m.id,
                        "created_at": m.created_at,
                        "kind": m.kind,
                        "base": m.base,
                        "migration": m.migration,
                        "schema_fingerprint": m.schema_fingerprint,
                        "tables": len(m.tables),
                        "rows": sum(t.total_rows for t in m.tables),
                        "bytes": sum(t.bytes for t in m.tables),
                    }
                    for m in found
                ],
            )
        )
        return
    if not found:
        click.echo("No backups.")
    for m in found:
        base = f" on {m.base}" if m.base else ""
        why = f"  before {m.migration}" if m.migration else ""
        click.echo(
            f"{m.id}  {m.kind}{base}  {len(m.tables)} tables  "
            f"{sum(t.total_rows for t in m.tables)} rows  "
            f"{sum(t.bytes for t in m.tables)} bytes{why}"
        )


@backup.command("restore")
@click.argument("backup_id")
@click.option("--force", is_flag=True, help="Restore even if the schema differs from the backup's.")
@click.option("--auto-approve", is_flag=True, help="Restore without asking for confirmation.")
@format_option()
@click.pass_context
def backup_restore(ctx: click.Context, backup_id: str, force: bool, auto_approve: bool) -> None:
    """Replace every managed table's rows with the backup's, in one transaction.

    Refused (exit 4) when the database schema differs from the backup's, unless --force.
    """
    from creo_schema.backup import restore_backup
    from creo_schema.commands.target import resolve_target

    root = ctx.find_root()
    settings = settings_of(root)
    if not auto_approve:
        if not sys.stdin.isatty():
            raise SafetyError("not restoring without confirmation", hint="pass --auto-approve")
        if not click.confirm(
            f"Replace the rows of every table in {', '.join(settings.managed_schemas)} "
            f"with backup {backup_id}?",
            default=False,
        ):
            raise SafetyError("not restored: declined at the prompt")
    with _RowProgress(root.obj["format"] == "text") as progress:
        result = restore_backup(
            settings, resolve_target(settings), backup_id, force=force, progress=progress
        )
    if root.obj["format"] == "json":
        click.echo(document("backup-restore", **vars(result)))
    else:
        click.echo(
            f"Restored backup {result.id}: {result.tables} tables, {result.rows} rows loaded, "
            "checksums match."
        )


@backup.command("cleanup")
@click.option(
    "--older-than",
    "days",
    required=True,
    type=click.FloatRange(min=0),
    help="Remove backups older than this many days (bases of kept backups stay).",
)
@format_option()
@click.pass_context
def backup_cleanup(ctx: click.Context, days: float) -> None:
    """Remove old backups."""
    from creo_schema.backup import cleanup

    root = ctx.find_root()
    removed = cleanup(Path(settings_of(root).backup_dir), days)
    if root.obj["format"] == "json":
        click.echo(document("backup-cleanup", removed=removed))
    else:
        click.echo(
            f"Removed {len(removed)} backups" + (f": {', '.join(removed)}" if removed else ".")
        )
