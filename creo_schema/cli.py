"""The command line: flags -> Settings -> one command function -> rendered result.

Errors are caught in one place (`CreoGroup.invoke`) and shown as one line, `file:line:col:
message` where there is a file, with the exit code the error carries (DESIGN.md):
0 ok / in sync, 1 changes or drift found, 2 bad input, 3 database error, 4 safety refusal.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from creo_schema import __version__
from creo_schema.config import Settings, load_settings
from creo_schema.errors import CreoError, InputError, SafetyError
from creo_schema.plan.model import Plan, read_plan
from creo_schema.render import document, error_text, plan_json, show_plan

EXIT_CODES_HELP = (
    "Exit codes: 0 success or no changes; 1 changes or drift found; 2 bad input or "
    "configuration; 3 database error; 4 safety refusal (stale plan, destructive change, "
    "lock not obtained)."
)


class CreoGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CreoError as error:
            obj = ctx.obj or {}
            if obj.get("debug"):
                raise
            if obj.get("format") == "json":
                click.echo(document("error", exit_code=error.exit_code, error=error.to_dict()))
            if obj.get("format") == "github":
                where = error.location
                place = f" file={where.file},line={where.line},col={where.column}" if where else ""
                click.echo(f"::error{place}::{error.message}")
            click.echo(error_text(error), err=True)
            ctx.exit(error.exit_code)


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    obj = ctx.obj
    flags = {**obj["flags"], **{k: v for k, v in overrides.items() if v is not None}}
    return load_settings(obj["config"], flags)


def format_option(choices: tuple[str, ...] = ("text", "json")) -> Any:
    """`--format` on a command too, so `plan --format json` works as people type it."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
        if value:
            ctx.find_root().ensure_object(dict)
            ctx.find_root().obj["format"] = value
        return value

    return click.option(
        "--format",
        "command_format",
        type=click.Choice(list(choices)),
        expose_value=False,
        callback=remember,
        help="Output format (overrides the global --format).",
    )


def hazard_options(command: Any) -> Any:
    command = click.option(
        "--allow-hazard",
        "allow_hazard",
        multiple=True,
        metavar="KIND",
        help="Allow one refused hazard kind (e.g. weakens_security); repeat for several.",
    )(command)
    return click.option(
        "--allow-destructive",
        is_flag=True,
        help="Allow statements that delete data (dropped tables or columns, narrowing types).",
    )(command)


class _Progress:
    """A spinner on stderr for slow steps, only when a person is watching."""

    def __init__(self, enabled: bool) -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.status: Any = None

    def __call__(self, step: str) -> None:
        if not self.enabled:
            return
        text = {
            "parse": "parsing schema/",
            "shadow": "starting the shadow database",
            "load": "loading the desired state into the shadow",
            "verify": "proving the plan on a copy of the target",
            "inspect": "inspecting both databases",
            "diff": "computing the difference",
        }.get(step, step)
        if self.status is None:
            self.status = self.console.status(text)
            self.status.start()
        else:
            self.status.update(text)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is not None:
            self.status.stop()


@click.group(cls=CreoGroup, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, prog_name="creo-schema")
@click.option(
    "--config",
    "config",
    type=click.Path(path_type=Path),
    help="Configuration file (default: creo-schema.toml or pyproject.toml [tool.creo-schema]).",
)
@click.option(
    "--schema-dir",
    type=click.Path(path_type=Path),
    help="Directory of the desired-state SQL files (default: schema).",
)
@click.option(
    "--database-url",
    envvar=None,
    help="Target database (default: $DATABASE_URL, else the local dev database).",
)
@click.option(
    "--platform",
    type=click.Choice(["supabase", "supabase-legacy", "none"]),
    help="What the platform provides before schema/ (default: supabase).",
)
@click.option(
    "--managed-schema",
    "managed_schemas",
    multiple=True,
    help="A schema this tool owns; repeat for several (default: public).",
)
@click.option(
    "--shadow",
    help="Where the desired state is loaded: auto, embedded, local, docker or a URL (default: auto).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output for people or machines.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(
    ctx: click.Context,
    config: Path | None,
    schema_dir: Path | None,
    database_url: str | None,
    platform: str | None,
    managed_schemas: tuple[str, ...],
    shadow: str | None,
    output_format: str,
    debug: bool,
) -> None:
    """Keep the Creo PostgreSQL database as code.

    The desired state is declared in plain SQL files under schema/. `plan` shows what it
    takes to move a database there (with the rollback), `apply` does it and records it,
    `drift` fails when a database differs from schema/.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(
        config=config,
        format=output_format,
        debug=debug,
        flags={
            "schema_dir": schema_dir,
            "database_url": database_url,
            "platform": platform,
            "managed_schemas": managed_schemas or None,
            "shadow": shadow,
        },
    )


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
    detailed_exitcode: bool,
    allow_destructive: bool,
    allow_hazard: tuple[str, ...],
) -> None:
    """Show the SQL that moves the database to schema/, and its rollback.

    The plan is proven on a copy of the target first; each statement carries its hazards.
    A plan that fails verification, or has data-loss or security hazards not allowed with
    --allow-destructive / --allow-hazard, is shown but refused (exit 4, no files written).
    """
    from creo_schema.commands import planning
    from creo_schema.plan.safety import allowed_hazards, check_allowed

    settings = _settings(ctx)
    allowed = allowed_hazards(allow_destructive, allow_hazard)
    with _Progress(ctx.obj["format"] == "text") as progress:
        result = planning.plan(settings, progress)
    made = result.plan
    if ctx.obj["format"] == "json":
        click.echo(plan_json(made, result.timings))
    else:
        show_plan(_stdout(), made)
    _refuse_unverified(made)
    check_allowed(made.statements, allowed, what="the plan")
    _write(out, made.model_dump_json(indent=2) + "\n")
    _write(sql_out, made.up_sql)
    _write(rollback_out, made.down_sql)
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
@click.option(
    "--no-backup",
    is_flag=True,
    help="Do not back up the managed tables first (default: backup_before_apply).",
)
@hazard_options
@format_option()
@click.pass_context
def apply(
    ctx: click.Context,
    plan_file: Path | None,
    auto_approve: bool,
    wait: bool,
    no_backup: bool,
    allow_destructive: bool,
    allow_hazard: tuple[str, ...],
) -> None:
    """Apply a plan file, or plan now and apply after confirmation.

    The database must still be in the state the plan was made against (else exit 4); the
    statements run in one transaction, recorded in creo_schema.migrations.
    """
    from creo_schema.commands import applying, planning
    from creo_schema.plan.safety import allowed_hazards, check_allowed

    settings = _settings(ctx)
    allowed = allowed_hazards(allow_destructive, allow_hazard)
    if plan_file is not None:
        made: Plan = read_plan(plan_file)
    else:
        with _Progress(ctx.obj["format"] == "text") as progress:
            made = planning.plan(settings, progress).plan
    console = _stdout()
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
    if not auto_approve:
        if not sys.stdin.isatty():
            raise SafetyError(
                "not applying without confirmation",
                hint="pass --auto-approve to apply non-interactively",
            )
        if not click.confirm(f"Apply these {len(made.statements)} statements?", default=False):
            raise SafetyError("not applied: declined at the prompt")
    result = applying.apply(
        settings,
        made,
        wait=wait,
        allowed=allowed,
        backup=settings.backup_before_apply and not no_backup,
    )
    if json_out:
        click.echo(
            document(
                "apply",
                applied=True,
                migration_id=result.migration_id,
                statements=result.statements,
                duration_ms=result.duration_ms,
                drift_left=result.drift_left,
            )
        )
    else:
        console.print(
            f"Applied {result.statements} statements as migration {result.migration_id} in {result.duration_ms} ms."
        )
        if result.drift_left:
            console.print(
                "[yellow]warning:[/yellow] the database still differs from schema/ after applying: run `creo-schema drift`."
            )
    ctx.exit(1 if result.drift_left else 0)


@cli.command()
@click.option("--strict", is_flag=True, help="Count warnings as errors too (exit 2).")
@format_option()
@click.pass_context
def validate(ctx: click.Context, strict: bool) -> None:
    """Check schema/: static rules, a load into a shadow database, then the advisor lints.

    One finding per line, `file:line:col: level rule: message`, then `  hint: ...`. Exit 0
    when no finding is an error (warnings and infos are advice; --strict fails on warnings
    too), 2 when one is or the input is bad, 3 when a database cannot be reached. Silence a
    lint in place with `-- creo:allow <rule> <reason>` above the statement. The target
    database, if configured, is only asked its version; nothing is written to it.
    """
    from creo_schema.commands import validating

    settings = _settings(ctx)
    with _Progress(ctx.obj["format"] == "text") as progress:
        result = validating.validate(
            settings,
            progress,
            lint_disable=settings.lint_disable,
            lint_levels=dict(settings.lint_levels),
            exposed_schemas=settings.exposed_schemas,
        )
    code = result.exit_code(strict=strict)
    counts = {level: result.count(level) for level in ("error", "warning", "info")}
    if ctx.obj["format"] == "json":
        click.echo(
            document(
                "validate",
                exit_code=code,
                files=result.files,
                statements=result.statements,
                linted=result.linted,
                server_major=result.server_major,
                counts=counts,
                findings=[f.to_dict() for f in result.findings],
            )
        )
        ctx.exit(code)
    for finding in result.findings:
        click.echo(finding.text())
    checked = (
        f"{result.files} file{'s' if result.files != 1 else ''}, "
        f"{result.statements} statement{'s' if result.statements != 1 else ''}"
    )
    if not result.findings:
        click.echo(f"No findings: {checked} checked (static rules, shadow load, lints).")
    else:
        told = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items())
        skipped = "" if result.linted else "; shadow load and lints skipped until errors are fixed"
        click.echo(f"{told} in {checked}{skipped}.")
    ctx.exit(code)


@cli.command()
@format_option(("text", "json", "markdown", "github"))
@click.pass_context
def drift(ctx: click.Context) -> None:
    """Check the database against schema/: exit 0 in sync, 1 drift, 2 bad input, 3 database error.

    Read-only: nothing is written to the database.
    """
    from creo_schema.commands import planning

    settings = _settings(ctx)
    with _Progress(ctx.obj["format"] == "text") as progress:
        result = planning.drift(settings, progress)
    made = result.plan
    output = ctx.obj["format"]
    if output in ("markdown", "github", "json"):
        from creo_schema.drift_report import drift_items, render_github, render_markdown
        from creo_schema.source.load import load_source

        source = load_source(settings.schema_dir)
        if output == "json":
            drifted = [item.to_dict() for item in drift_items(made, source)]
            click.echo(plan_json(made, result.timings, drift=made.has_changes, drifted=drifted))
        else:
            render = render_github if output == "github" else render_markdown
            click.echo(render(made, source), nl=False)
    elif made.has_changes:
        console = _stdout()
        console.print(
            f"[bold red]Drift:[/bold red] {made.target} differs from schema/ ({len(made.statements)} statements). This SQL would fix it:\n"
        )
        console.print(made.up_sql)
    else:
        _stdout().print(f"In sync: {made.target} matches schema/.")
    ctx.exit(1 if made.has_changes else 0)


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

    records = applying.history(_settings(ctx), limit)
    if ctx.obj["format"] == "json":
        rows = [
            {k: v for k, v in vars(r).items() if k not in ("up_sql", "down_sql")} for r in records
        ]
        click.echo(document("history", migrations=rows))
        return
    console = _stdout()
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

    settings = _settings(ctx)
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
        _stdout().print(
            f"Rolled back migration {rolled} with {result.statements} statements (recorded as {result.migration_id})."
        )


@cli.group()
def dev() -> None:
    """The local development database (an embedded PostgreSQL kept in a per-user directory)."""


@dev.command("start")
@click.pass_context
def dev_start(ctx: click.Context) -> None:
    """Start it (creating it the first time) and print its URL."""
    from creo_schema.dev import database

    click.echo(database.start(_settings(ctx.find_root()).platform))


@dev.command("stop")
def dev_stop() -> None:
    """Stop it; its data is kept."""
    from creo_schema.dev import database

    click.echo("stopped" if database.stop() else "not running")


@dev.command("status")
@click.pass_context
def dev_status(ctx: click.Context) -> None:
    """Say whether it runs, where its data is and its URL."""
    from creo_schema.dev import database

    state = database.status()
    if ctx.find_root().obj["format"] == "json":
        click.echo(document("dev-status", **vars(state)))
        return
    click.echo(
        f"{'running' if state.running else 'stopped'}  data: {state.data_dir}"
        + (f"  url: {state.url}" if state.url else "")
    )
    ctx.exit(0 if state.running else 1)


@dev.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def dev_reset(ctx: click.Context, yes: bool) -> None:
    """Drop the dev database and create it empty (platform prelude only)."""
    from creo_schema.dev import database

    if not yes and not (
        sys.stdin.isatty() and click.confirm("Drop every object and row of the dev database?")
    ):
        raise SafetyError("dev database not reset", hint="pass --yes to reset non-interactively")
    click.echo(database.reset(_settings(ctx.find_root()).platform))


@dev.command("url")
@click.pass_context
def dev_url(ctx: click.Context) -> None:
    """Print the dev database URL (starting it if needed)."""
    from creo_schema.dev import database

    click.echo(database.start(_settings(ctx.find_root()).platform))


@cli.group()
def backup() -> None:
    """Backups of the managed schemas' rows (folders under backup_dir, default backups/)."""


class _RowProgress:
    """A progress bar per table on stderr, only when a person is watching."""

    def __init__(self, enabled: bool) -> None:
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
    settings = _settings(root)
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
    found = list_backups(Path(_settings(root).backup_dir))
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
    settings = _settings(root)
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
    removed = cleanup(Path(_settings(root).backup_dir), days)
    if root.obj["format"] == "json":
        click.echo(document("backup-cleanup", removed=removed))
    else:
        click.echo(
            f"Removed {len(removed)} backups" + (f": {', '.join(removed)}" if removed else ".")
        )


@cli.command()
@click.option(
    "--no-drift", is_flag=True, help="Skip the drift check (it loads schema/ into a shadow)."
)
@click.option(
    "--long-after",
    default=300,
    show_default=True,
    type=click.IntRange(1),
    help="Report transactions and lock waits older than this many seconds.",
)
@format_option()
@click.pass_context
def health(ctx: click.Context, no_drift: bool, long_after: int) -> None:
    """Check the database: connection, migrations, drift, integrity, indexes, RLS, activity.

    Exit 0 healthy, 1 problems found, 3 cannot connect.
    """
    from creo_schema.commands.target import resolve_target
    from creo_schema.health import health as run_health

    root = ctx.find_root()
    settings = _settings(root)
    report = run_health(
        settings, resolve_target(settings), drift=not no_drift, long_after_s=long_after
    )
    if root.obj["format"] == "json":
        click.echo(
            document(
                "health",
                healthy=report.healthy,
                checks=[
                    {
                        "name": c.name,
                        "status": c.status,
                        "summary": c.summary,
                        "details": list(c.details),
                    }
                    for c in report.checks
                ],
            )
        )
    else:
        console = _stdout()
        colour = {"ok": "green", "warning": "yellow", "problem": "red", "skipped": "dim"}
        for c in report.checks:
            console.print(
                f"[{colour[c.status]}]{c.status:<8}[/{colour[c.status]}] {c.name:<11} {c.summary}",
                markup=True,
            )
            for line in c.details:
                console.print(f"{'':21}{line}", markup=False)
        console.print("Healthy." if report.healthy else "Problems found.")
    ctx.exit(0 if report.healthy else 1)


@cli.group()
def gen() -> None:
    """Generate code from the designed schema (schema/)."""


@gen.command("types")
@click.option(
    "--lang",
    type=click.Choice(["typescript", "python"]),
    default="typescript",
    show_default=True,
    help="TypeScript as Supabase's generator writes it, or pydantic models.",
)
@click.option("--out", type=click.Path(path_type=Path), help="Write here instead of stdout.")
@click.option(
    "--check",
    is_flag=True,
    help="Do not write: exit 1 when --out differs from what schema/ generates (for CI).",
)
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    help="A schema to generate; repeat for several (default: public, as Supabase's API exposes).",
)
@click.pass_context
def gen_types(
    ctx: click.Context, lang: str, out: Path | None, check: bool, schemas: tuple[str, ...]
) -> None:
    """Types for the tables, views, functions and enums of the API schemas."""
    from creo_schema.typegen import render
    from creo_schema.typegen.desired import desired_snapshot

    settings = _settings(ctx.find_root())
    if check and out is None:
        raise InputError(
            "--check needs --out FILE: the file to compare", hint="e.g. --out types/database.ts"
        )
    if not schemas:
        schemas = ("public",) if "public" in settings.managed_schemas else settings.managed_schemas
    unknown = sorted(set(schemas) - set(settings.managed_schemas))
    if unknown:
        raise InputError(
            f"schema {', '.join(unknown)} is not managed: its design is not in schema/",
            hint=f"managed schemas: {', '.join(settings.managed_schemas)}",
        )
    text = render(desired_snapshot(settings, schemas), lang, schemas)
    if check:
        assert out is not None
        current = out.read_text(encoding="utf-8") if out.is_file() else None
        if current == text:
            click.echo(f"{out} is up to date with schema/.")
            return
        click.echo(
            f"{out} is out of date with schema/: run `creo-schema gen types --lang {lang} --out {out}`",
            err=True,
        )
        ctx.exit(1)
    if out is None:
        click.echo(text, nl=False)
        return
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    _write(out, text)
    click.echo(f"wrote {out}", err=True)


def _write(path: Path | None, text: str) -> None:
    if path is None:
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None


def main() -> None:
    cli(prog_name="creo-schema")


if __name__ == "__main__":
    main()
