"""`history` and `rollback`."""

from __future__ import annotations

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
from creo_schema.render import document, rollback_shower
from creo_schema.words import plural


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
    from creo_schema.cli.backup import backup_taken_text
    from creo_schema.commands import applying, backups, planning

    settings = settings_of(ctx)
    mode = backups.backup_mode(settings, backup_mode, no_backup)
    json_out = ctx.obj["format"] == "json"
    console = stdout()
    done = applying.show_and_roll_back(
        settings,
        migration_id,
        approved=auto_approve,
        ask=ask(),
        show=rollback_shower(None if json_out else console),
        allowed=planning.allowed(allow_destructive, allow_hazard),
        backup=mode,
    )
    if json_out:
        text = document("rollback", **done.to_dict())
        if done.refusal is None:
            click.echo(text)
        else:
            written_with_error(ctx, text)
    if done.refusal is not None:
        raise done.refusal
    if json_out or done.result is None:
        return
    result = done.result
    backed_up = backup_taken_text(result.backup, mode)
    if backed_up:
        console.print(backed_up)
    console.print(
        f"Rolled back migration {done.pending.migration.id} with "
        f"{plural(result.statements, 'statement')} (recorded as {result.migration_id})."
    )
    if result.supabase_versions:
        console.print(
            "Removed from supabase_migrations.schema_migrations: "
            + ", ".join(result.supabase_versions)
            + "."
        )
