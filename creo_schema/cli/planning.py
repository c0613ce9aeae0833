"""`plan`, `apply` and `drift`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from creo_schema.cli.app import (
    Spinner,
    cli,
    format_option,
    hazard_options,
    settings_of,
    stdout,
    write_file,
    written_with_error,
)
from creo_schema.cli.backup import backup_mode_options
from creo_schema.errors import SafetyError
from creo_schema.plan.model import Plan, read_plan
from creo_schema.render import document, plan_json, show_plan

if TYPE_CHECKING:
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
    from creo_schema.commands import planning
    from creo_schema.migrations.files import check_name, refuse_outside_transaction
    from creo_schema.migrations.files import write as write_migration
    from creo_schema.plan.safety import allowed_hazards, check_allowed

    settings = settings_of(ctx)
    allowed = allowed_hazards(allow_destructive, allow_hazard)
    if supabase_migration is not None:
        check_name(supabase_migration)  # bad input before any work
    with Spinner(ctx.obj["format"] == "text") as progress:
        result = planning.plan(settings, progress)
    made = result.plan
    json_out = ctx.obj["format"] == "json"
    if not json_out:
        show_plan(stdout(), made)
    try:
        _refuse_unverified(made)
        check_allowed(made.statements, allowed, what="the plan")
    except SafetyError as refusal:
        if json_out:
            error = refusal.to_dict()
            text = plan_json(made, result.timings, exit_code=refusal.exit_code, error=error)
            written_with_error(ctx, text)
        raise
    if supabase_migration is not None and made.has_changes:
        refuse_outside_transaction(made, supabase_migration)  # before any file is written
    if json_out:
        click.echo(plan_json(made, result.timings))
    write_file(out, made.model_dump_json(indent=2) + "\n")
    write_file(sql_out, made.up_sql)
    write_file(rollback_out, made.down_sql)
    if supabase_migration is not None:
        if made.has_changes:
            written = write_migration(made, supabase_migration, settings.supabase_dir)
            for path in (*written.migrations, written.rollback):
                click.echo(f"wrote {path}", err=True)
        else:
            click.echo("No changes: no Supabase migration written.", err=True)
    ctx.exit(1 if detailed_exitcode and made.has_changes else 0)


def _refuse_unverified(made: Plan) -> None:
    check = made.verification
    if check is not None and not check.verified:
        raise SafetyError(
            f"the plan failed verification: {check.problems[0] if check.problems else 'unknown'}",
            hint="this change cannot be planned correctly yet; nothing was written",
            details={"problems": list(check.problems)},
        )


@cli.command()
@click.argument("plan_file", required=False, type=click.Path(path_type=Path))
@click.option("--auto-approve", is_flag=True, help="Apply without asking for confirmation.")
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
    statements run in one transaction, recorded in creo_schema.migrations. First, the tables
    the plan can lose rows from are backed up (--backup changed, the default); a plan that
    deletes no data takes no backup.
    """
    from creo_schema.cli.backup import backup_mode as resolve_backup_mode
    from creo_schema.cli.backup import backup_taken_json, backup_taken_text
    from creo_schema.commands import applying, planning
    from creo_schema.plan.safety import allowed_hazards, check_allowed

    settings = settings_of(ctx)
    allowed = allowed_hazards(allow_destructive, allow_hazard)
    mode = resolve_backup_mode(settings, backup_mode, no_backup)
    if plan_file is not None:
        made: Plan = read_plan(plan_file)
    else:
        with Spinner(ctx.obj["format"] == "text") as progress:
            made = planning.plan(settings, progress).plan
    console = stdout()
    json_out = ctx.obj["format"] == "json"
    if not made.has_changes:
        if json_out:
            click.echo(document("apply", applied=False, migration_id=None, statements=0))
        else:
            console.print("No changes: the database matches schema/.")
        ctx.exit(0)
    if not json_out:
        show_plan(console, made)
    _refuse_unverified(made)
    check_allowed(made.statements, allowed, what="the plan")
    applying.refuse_missing_roles(settings, made)
    if not auto_approve:
        if not sys.stdin.isatty():
            raise SafetyError(
                "not applying without confirmation",
                hint="pass --auto-approve to apply non-interactively",
            )
        if not click.confirm(
            f"Apply these {len(made.statements)} statements?", default=False, err=True
        ):
            raise SafetyError("not applied: declined at the prompt")
    result = applying.apply(settings, made, wait=wait, allowed=allowed, backup=mode)
    left = _left_error(result) if result.left else None
    if json_out:
        text = document(
            "apply",
            applied=True,
            migration_id=result.migration_id,
            statements=result.statements,
            duration_ms=result.duration_ms,
            drift_left=result.drift_left,
            differences=list(result.left.differences) if result.left else [],
            supabase_versions=list(result.supabase_versions),
            backup=backup_taken_json(result.backup),
            **({"exit_code": left.exit_code, "error": left.to_dict()} if left else {}),
        )
        if left:
            written_with_error(ctx, text)
        else:
            click.echo(text)
    else:
        backed_up = backup_taken_text(result.backup, mode)
        if backed_up:
            console.print(backed_up)
        console.print(
            f"Applied {result.statements} statements as migration {result.migration_id} in {result.duration_ms} ms."
        )
        if result.supabase_versions:
            console.print(
                "Recorded in supabase_migrations.schema_migrations as "
                + ", ".join(result.supabase_versions)
                + "."
            )
    if left:
        raise left


def _left_error(result: ApplyResult) -> SafetyError:
    """A proven plan that leaves the database different from its desired state is a defect
    (or something changed the database meanwhile): exit 4, naming what differs."""
    assert result.left is not None  # only called when something was left
    return SafetyError(
        f"migration {result.migration_id}: {result.left.message(shown=3)}",
        hint="the migration is recorded as failed (`creo-schema history` shows all that "
        "differs); `creo-schema plan` shows what it takes now to reach schema/. If nothing "
        "else changed the database meanwhile, please report this plan: it was proven to "
        "leave no difference",
        details={
            "migration_id": result.migration_id,
            "differences": list(result.left.differences),
        },
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
    with Spinner(ctx.obj["format"] == "text") as progress:
        result = planning.drift(settings, progress)
    made = result.plan
    output = ctx.obj["format"]
    if output in ("markdown", "github", "json"):
        from creo_schema.drift_report import drift_items, render_github, render_markdown
        from creo_schema.source.load import load_source

        # Parsing schema/ only to point at declarations: not needed when nothing drifted.
        source = load_source(settings.schema_dir) if made.has_changes else None
        if output == "json":
            drifted = [item.to_dict() for item in drift_items(made, source)] if source else []
            click.echo(plan_json(made, result.timings, drift=made.has_changes, drifted=drifted))
        else:
            render = render_github if output == "github" else render_markdown
            click.echo(render(made, source or load_source(settings.schema_dir)), nl=False)
    elif made.has_changes:
        console = stdout()
        console.print(
            f"[bold red]Drift:[/bold red] {made.target} differs from schema/ ({len(made.statements)} statements). This SQL would fix it:\n"
        )
        console.print(made.up_sql)
    else:
        stdout().print(f"In sync: {made.target} matches schema/.")
    ctx.exit(1 if made.has_changes else 0)
