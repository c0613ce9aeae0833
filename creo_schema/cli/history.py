"""`history` and `rollback`."""

from __future__ import annotations

import sys

import click

from creo_schema.cli.app import (
    cli,
    format_option,
    hazard_options,
    settings_of,
    stdout,
)
from creo_schema.errors import SafetyError
from creo_schema.render import document


@cli.command()
@click.option(
    "--limit",
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
            {k: v for k, v in vars(r).items() if k not in ("up_sql", "down_sql")} for r in records
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
@click.option("--auto-approve", is_flag=True, help="Roll back without asking for confirmation.")
@hazard_options
@format_option()
@click.pass_context
def rollback_command(
    ctx: click.Context,
    migration_id: int | None,
    auto_approve: bool,
    allow_destructive: bool,
    allow_hazard: tuple[str, ...],
) -> None:
    """Apply the recorded rollback of a migration (default: the latest applied).

    Refused (exit 4) unless the database is still in the state that migration left.
    """
    from creo_schema.commands import applying

    settings = settings_of(ctx)
    if not auto_approve:
        if not sys.stdin.isatty():
            raise SafetyError("not rolling back without confirmation", hint="pass --auto-approve")
        what = f"migration {migration_id}" if migration_id else "the latest migration"
        if not click.confirm(f"Roll back {what}?", default=False):
            raise SafetyError("not rolled back: declined at the prompt")
    from creo_schema.plan.safety import allowed_hazards

    allowed = allowed_hazards(allow_destructive, allow_hazard)
    rolled, result = applying.roll_back(settings, migration_id, allowed)
    if ctx.obj["format"] == "json":
        click.echo(
            document(
                "rollback",
                rolled_back=rolled,
                migration_id=result.migration_id,
                statements=result.statements,
                duration_ms=result.duration_ms,
            )
        )
    else:
        stdout().print(
            f"Rolled back migration {rolled} with {result.statements} statements (recorded as {result.migration_id})."
        )
