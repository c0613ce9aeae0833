"""`backup create | list | restore | cleanup`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from creo_schema.cli.app import (
    approve_option,
    ask,
    cli,
    format_option,
    settings_of,
    written_with_error,
)
from creo_schema.errors import CreoError
from creo_schema.render import document
from creo_schema.words import plural

if TYPE_CHECKING:
    from creo_schema.backup import BackupMeta, BackupResult

_Decorated = TypeVar("_Decorated", bound=Callable[..., Any] | click.Command)


def backup_mode_options(command: _Decorated) -> _Decorated:
    """`--backup changed|all|none` and its alias `--no-backup`, for apply and rollback."""
    command = click.option(
        "--no-backup",
        is_flag=True,
        help="Take no backup first (the same as --backup none).",
    )(command)
    return click.option(
        "--backup",
        "backup_mode",
        type=click.Choice(["changed", "all", "none"]),
        help="What to back up first: changed (the default) backs up only the tables its "
        "statements can lose rows from (dropped tables, dropped or narrowed columns, ...) "
        "and takes no backup when none can; all: every managed table; none: no backup. "
        "The default is none when backup_before_apply = false.",
    )(command)


def backup_taken_text(taken: BackupResult | None, mode: str) -> str | None:
    """One line saying what was backed up first, and why not when nothing was."""
    if taken is None:
        return "No backup taken: no statement deletes data." if mode == "changed" else None
    names = [t.qualified for t in taken.meta.tables]
    what = (
        f"every managed table ({len(names)})"
        if taken.meta.scope == "all"
        else f"the tables it can lose rows from: {', '.join(names)}"
    )
    return (
        f"Backed up first, as {taken.id} in {taken.path}: {what}, {plural(taken.meta.rows, 'row')}."
    )


def _rows_text(meta: BackupMeta) -> str:
    """Rows as of the backup (what restore gives back); an incremental says what it stores."""
    text = plural(meta.rows, "row")
    if meta.kind == "incremental":
        text += f" ({meta.stored_rows} stored: changed since {meta.base})"
    return text


def _rows_json(meta: BackupMeta) -> dict[str, Any]:
    return {
        "rows": meta.rows,  # in the tables at the backup's moment: what restore gives back
        "stored_rows": meta.stored_rows,  # in this backup's files (incremental: changes)
    }


@cli.group()
def backup() -> None:
    """Backups of the managed schemas' rows (folders under backup_dir, default backups/)."""


@backup.command("create")
@click.option(
    "--incremental",
    is_flag=True,
    help="Only rows changed since the latest backup (plus every primary key, for deletes).",
)
@format_option()
@click.pass_context
def backup_create(ctx: click.Context, incremental: bool) -> None:
    """Back up every table of the managed schemas, streamed and compressed.

    Rows are counted as create, list and restore all count them: the rows in the tables at
    the backup's moment (what a restore gives back); an incremental backup also says how
    many it stores itself (the rows changed since its base).
    """
    from creo_schema.cli.progress import RowProgress  # rich: only when a backup runs
    from creo_schema.commands import backups

    root = ctx.find_root()
    with RowProgress(root.obj["format"] == "text") as progress:
        made = backups.create(settings_of(root), incremental=incremental, progress=progress)
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
                **_rows_json(made.meta),
                bytes=size,
            )
        )
    else:
        base = f" on top of {made.meta.base}" if made.meta.base else ""
        click.echo(
            f"Backup {made.id} ({made.meta.kind}{base}): {plural(len(made.meta.tables), 'table')}, "
            f"{_rows_text(made.meta)}, {plural(size, 'byte')} compressed, in {made.path}"
        )


@backup.command("list")
@format_option()
@click.pass_context
def backup_list(ctx: click.Context) -> None:
    """List the backups, oldest first.

    Rows: in the tables at the backup's moment (what a restore gives back); an incremental
    one also says how many it stores (changed since its base). A backup `apply` took of only
    the tables it could lose rows from names them.
    """
    from creo_schema.commands import backups

    root = ctx.find_root()
    found = backups.list_all(settings_of(root))
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
                        "scope": m.scope,
                        "tables": len(m.tables),
                        **_rows_json(m),
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
        kind = (
            m.kind
            if m.scope == "all"
            else f"{m.kind} of {', '.join(t.qualified for t in m.tables)}"
        )
        why = f"  before {m.migration}" if m.migration else ""
        click.echo(
            f"{m.id}  {kind}  {plural(len(m.tables), 'table')}  {_rows_text(m)}  "
            f"{plural(sum(t.bytes for t in m.tables), 'byte')}{why}"
        )


@backup.command("restore")
@click.argument("backup_id")
@click.option("--force", is_flag=True, help="Restore even if the schema differs from the backup's.")
@approve_option("Restore")
@format_option()
@click.pass_context
def backup_restore(ctx: click.Context, backup_id: str, force: bool, auto_approve: bool) -> None:
    """Replace the rows of the tables the backup holds with its rows, in one transaction.

    BACKUP_ID is a backup's folder name, as `backup list` shows it.

    A backup of every managed table replaces them all; one `apply` took of some tables
    replaces only those. Refused (exit 4) when the database schema differs from the
    backup's, unless --force.
    """
    from creo_schema.cli.progress import RowProgress  # rich: only when a backup runs
    from creo_schema.commands import backups

    root = ctx.find_root()
    with RowProgress(root.obj["format"] == "text") as progress:
        result = backups.restore(
            settings_of(root),
            backup_id,
            force=force,
            approved=auto_approve,
            ask=ask(),
            progress=progress,
        )
    if root.obj["format"] == "json":
        click.echo(document("backup-restore", **vars(result)))
    else:
        again = (
            f"; {plural(result.constraints, 'check or foreign key', 'checks and foreign keys')} "
            "added again after the rows"
            if result.constraints
            else ""
        )
        click.echo(
            f"Restored backup {result.id}: {plural(result.tables, 'table')}, {plural(result.rows, 'row')} "
            f"(as of the backup), checksums match{again}."
        )


@backup.command("cleanup")
@click.option(
    "--older-than",
    "days",
    metavar="DAYS",
    required=True,
    type=click.FloatRange(min=0),
    help="Remove backups older than this many days (bases of kept backups stay).",
)
@approve_option("Remove")
@click.option(
    "--force",
    is_flag=True,
    help="Also remove backups the target's migration history references, and do not "
    "consult the target for them at all.",
)
@format_option()
@click.pass_context
def backup_cleanup(ctx: click.Context, days: float, auto_approve: bool, force: bool) -> None:
    """Remove old backups, after listing them and asking (or --auto-approve).

    A backup a migration's history row references (the one `apply` took before it) is kept
    unless --force, and so is every base a kept backup needs; both are listed with why.
    The references are read from the target database: when it cannot be reached, cleanup
    refuses (exit 3) unless --force. Without a terminal, --auto-approve (or --yes) is
    required (else exit 4).
    """
    from creo_schema.commands import backups

    root = ctx.find_root()
    settings = settings_of(root)
    json_out = root.obj["format"] == "json"
    chosen = backups.choose_cleanup(settings, days, force=force)
    choice = chosen.choice
    kept = [{"id": k, "reason": why} for k, why in choice.kept.items()]
    if not json_out:
        for backup_id, why in choice.kept.items():
            click.echo(f"Keeping {backup_id}: {why}.")
        if choice.remove and not auto_approve:
            click.echo(f"To remove ({len(choice.remove)}): {', '.join(choice.remove)}")
    try:
        backups.clean_up(settings, chosen, approved=auto_approve, ask=ask())
    except CreoError as refusal:
        if json_out:
            written_with_error(
                ctx,
                document(
                    "backup-cleanup",
                    removed=[],
                    would_remove=choice.remove,
                    kept=kept,
                    exit_code=refusal.exit_code,
                    error=refusal.to_dict(),
                ),
            )
        raise
    if json_out:
        click.echo(document("backup-cleanup", removed=choice.remove, kept=kept))
    else:
        click.echo(
            f"Removed {plural(len(choice.remove), 'backup')}"
            + (f": {', '.join(choice.remove)}" if choice.remove else ".")
        )
