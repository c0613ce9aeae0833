"""`history` and `rollback`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from creo_schema.cli.app import (
    approve_option,
    ask,
    cli,
    format_option,
    hazard_options,
    settings_of,
    stdout,
    written_with_error,
)
from creo_schema.cli.backup import backup_mode_options
from creo_schema.errors import CreoError
from creo_schema.render import document, show_rollback
from creo_schema.words import plural

if TYPE_CHECKING:
    from creo_schema.apply.run import ApplyResult


@cli.command()
@click.option(
    "--limit",
    metavar="N",
    default=20,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="How many migrations to list, newest first.",
)
@format_option()
@click.pass_context
def history(ctx: click.Context, limit: int) -> None:
    """List applied, failed and rolled-back migrations."""
    from creo_schema.commands import applying

    records = applying.history(settings_of(ctx), limit)
    if ctx.obj["format"] == "json":
        rows = [
            {k: v for k, v in vars(r).items() if k not in ("up_sql", "down_sql", "down_statements")}
            for r in records
        ]
        click.echo(document("history", migrations=rows))
        return
    console = stdout()
    if not records:
        console.print("No migrations recorded.")
    for r in records:
        extra = f" (rolls back {r.rolls_back})" if r.rolls_back else ""
        error = f" error: {r.error}" if r.error else ""
        console.print(
            f"{r.id:>5}  {r.applied_at:%Y-%m-%d %H:%M:%S}  {r.kind:<8} {r.status:<11} {r.duration_ms or 0:>6} ms  {r.applied_by}{extra}{error}"
        )


@cli.command(name="rollback")
@click.argument("migration_id", required=False, type=int)
@approve_option("Roll back")
@backup_mode_options
@hazard_options
@format_option()
@click.pass_context
def rollback_command(
    ctx: click.Context,
    migration_id: int | None,
    auto_approve: bool,
    backup_mode: str | None,
    no_backup: bool,
    allow_destructive: bool,
    allow_hazard: tuple[str, ...],
) -> None:
    """Show the recorded rollback of a migration (default: the latest applied), then run it.

    The statements are shown with their hazards first. Data-loss and security hazards are
    refused (exit 4) unless allowed with --allow-destructive / --allow-hazard, before
    anything is asked or run, as for apply; so is a rollback of a database no longer in the
    state that migration left. The tables the rollback can lose rows from are backed up
    first (--backup changed, the default).
    """
    from creo_schema.cli.backup import backup_taken_json, backup_taken_text
    from creo_schema.commands import applying, backups, planning

    settings = settings_of(ctx)
    allowed = planning.allowed(allow_destructive, allow_hazard)
    mode = backups.backup_mode(settings, backup_mode, no_backup)
    pending = applying.pending_rollback(settings, migration_id)
    rolls_back = pending.migration.id
    json_out = ctx.obj["format"] == "json"
    console = stdout()
    if not json_out:
        show_rollback(console, rolls_back, pending.statements, recorded=pending.recorded)

    def rollback_document(result: ApplyResult | None, **extra: Any) -> str:
        return document(
            "rollback",
            migration=rolls_back,
            statements=[s.model_dump(mode="json") for s in pending.statements],
            hazards_as_planned=pending.recorded,
            rolled_back=rolls_back if result else None,
            migration_id=result.migration_id if result else None,
            duration_ms=result.duration_ms if result else None,
            backup=backup_taken_json(result.backup) if result else None,
            supabase_versions_removed=list(result.supabase_versions) if result else [],
            **extra,
        )

    try:
        applying.check_before_rollback(pending, allowed, approved=auto_approve, ask=ask())
        result = applying.roll_back(settings, pending, allowed, mode)
    except CreoError as refusal:
        if json_out:
            text = rollback_document(None, exit_code=refusal.exit_code, error=refusal.to_dict())
            written_with_error(ctx, text)
        raise
    if json_out:
        click.echo(rollback_document(result))
        return
    backed_up = backup_taken_text(result.backup, mode)
    if backed_up:
        console.print(backed_up)
    console.print(
        f"Rolled back migration {rolls_back} with {plural(result.statements, 'statement')} (recorded as {result.migration_id})."
    )
    if result.supabase_versions:
        console.print(
            "Removed from supabase_migrations.schema_migrations: "
            + ", ".join(result.supabase_versions)
            + "."
        )
