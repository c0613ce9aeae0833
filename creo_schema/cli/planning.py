"""`plan`, `apply` and `drift`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from creo_schema.cli.app import (
    StepProgress,
    approve_option,
    ask,
    cli,
    format_option,
    hazard_options,
    settings_of,
    stdout,
    write_file,
    written_with_error,
)
from creo_schema.cli.backup import backup_mode_options
from creo_schema.render import document, plan_json, plan_shower, show_plan
from creo_schema.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from creo_schema.apply.run import ApplyResult


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Write the plan document (JSON) here, for `apply PLAN.json`.",
)
@click.option("--sql-out", type=click.Path(path_type=Path), help="Write the migration SQL here.")
@click.option(
    "--rollback-out", type=click.Path(path_type=Path), help="Write the rollback SQL here."
)
@click.option(
    "--supabase-migration",
    "supabase_migration",
    metavar="NAME",
    help="Write the proven migration as supabase/migrations/<UTC time>_NAME.sql (its "
    "rollback in supabase/rollbacks/), for `supabase db push`.",
)
@click.option(
    "--detailed-exitcode", is_flag=True, help="Exit 1 when the plan has changes (0 when none)."
)
@hazard_options
@format_option()
@click.pass_context
def plan(
    ctx: click.Context,
    out: Path | None,
    sql_out: Path | None,
    rollback_out: Path | None,
    supabase_migration: str | None,
    detailed_exitcode: bool,
    allow_destructive: bool,
    allow_hazard: tuple[str, ...],
) -> None:
    """Show the SQL that moves the database to schema/, and its rollback.

    The plan is proven on a shadow copy first (its rollback, then the plan itself, must
    reach exactly the target's schema and then the desired one); each statement carries its
    hazards.
    A plan that fails verification, or has data-loss or security hazards not allowed with
    --allow-destructive / --allow-hazard, is shown but refused (exit 4, no files written).
    """
    from creo_schema.commands import planning, supabase

    settings = settings_of(ctx)
    allowed = planning.allowed(allow_destructive, allow_hazard)
    if supabase_migration is not None:
        supabase.check_name(supabase_migration)  # bad input before any work
    with StepProgress(ctx.obj["format"] == "text") as progress:
        result = planning.checked_plan(
            settings, allowed, progress, detailed_exitcode=detailed_exitcode
        )
    made = result.plan
    json_out = ctx.obj["format"] == "json"
    if not json_out:
        show_plan(stdout(), made)
    refusal = result.refusal
    if refusal is None and supabase_migration is not None:
        refusal = supabase.refusal(made, supabase_migration)  # before any file is written
    if refusal is not None:
        if json_out:
            error = refusal.to_dict()
            text = plan_json(made, result.timings, exit_code=refusal.exit_code, error=error)
            written_with_error(ctx, text)
        raise refusal
    if json_out:
        click.echo(plan_json(made, result.timings))
    write_file(out, made.model_dump_json(indent=2) + "\n")
    # Files to run as they are (psql -f): the session settings first.
    write_file(sql_out, made.up_script)
    write_file(rollback_out, made.down_script)
    if supabase_migration is not None:
        written = supabase.write_migration(settings, made, supabase_migration)
        for path in written:
            click.echo(f"wrote {path}", err=True)
        if not written:
            click.echo("No changes: no Supabase migration written.", err=True)
    ctx.exit(result.exit_code)


@cli.command()
@click.argument("plan_file", required=False, type=click.Path(path_type=Path))
@approve_option("Apply")
@click.option(
    "--wait",
    is_flag=True,
    help="If another apply holds the lock, wait for it instead of exiting 4.",
)
@backup_mode_options
@hazard_options
@format_option()
@click.pass_context
def apply(
    ctx: click.Context,
    plan_file: Path | None,
    auto_approve: bool,
    wait: bool,
    backup_mode: str | None,
    no_backup: bool,
    allow_destructive: bool,
    allow_hazard: tuple[str, ...],
) -> None:
    """Apply a plan file, or plan now and apply after confirmation.

    The database must still be in the state the plan was made against (else exit 4); the
    statements run in the phases the plan shows (most in one transaction), recorded in
    creo_schema.migrations. First, the tables
    the plan can lose rows from are backed up (--backup changed, the default); a plan that
    deletes no data takes no backup.
    """
    from creo_schema.cli.backup import backup_taken_text
    from creo_schema.commands import applying, backups, planning

    settings = settings_of(ctx)
    mode = backups.backup_mode(settings, backup_mode, no_backup)
    json_out = ctx.obj["format"] == "json"
    console = stdout()
    with StepProgress(not json_out and plan_file is None) as progress:
        done = applying.plan_and_apply(
            settings,
            plan_file,
            approved=auto_approve,
            ask=ask(),
            show=plan_shower(None if json_out else console, progress.stop),
            wait=wait,
            allowed=planning.allowed(allow_destructive, allow_hazard),
            backup=mode,
            progress=progress,
        )
    result = done.result
    if json_out:
        text = document("apply", **done.to_dict())
        if done.left:
            written_with_error(ctx, text)
        else:
            click.echo(text)
    elif result is None:
        console.print("No changes: the database matches schema/.")
    else:
        _print_applied(console, result, backup_taken_text(result.backup, mode))
    if done.left:
        raise done.left


def _print_applied(console: Console, result: ApplyResult, backed_up: str | None) -> None:
    """What an apply did: its backup, its statements and the Supabase versions recorded."""
    if backed_up:
        console.print(backed_up)
    console.print(
        f"Applied {plural(result.statements, 'statement')} as migration "
        f"{result.migration_id} in {result.duration_ms} ms."
    )
    if result.supabase_versions:
        console.print(
            "Recorded in supabase_migrations.schema_migrations as "
            + ", ".join(result.supabase_versions)
            + "."
        )


@cli.command()
@format_option(("text", "json", "markdown", "github"))
@click.pass_context
def drift(ctx: click.Context) -> None:
    """Check the database against schema/: exit 0 in sync, 1 drift, 2 bad input, 3 database error.

    Read-only: nothing is written to the database.
    """
    from creo_schema.commands import planning

    settings = settings_of(ctx)
    with StepProgress(ctx.obj["format"] == "text") as progress:
        result = planning.drift(settings, progress)
    made = result.plan
    output = ctx.obj["format"]
    if output == "json":
        drifted = planning.drifted(settings, made)
        click.echo(plan_json(made, result.timings, drift=made.has_changes, drifted=drifted))
    elif output in ("markdown", "github"):
        click.echo(planning.drift_text(settings, made, output), nl=False)
    elif made.has_changes:
        stdout().print(f"[bold red]Drift:[/bold red] {made.target} differs from schema/.")
        click.echo(planning.drift_text(settings, made, "text"), nl=False)
    else:
        stdout().print(f"In sync: {made.target} matches schema/.")
    ctx.exit(planning.drift_exit_code(made))
