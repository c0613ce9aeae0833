"""`validate`."""

from __future__ import annotations

import click

from creo_schema.cli.app import (
    StepProgress,
    cli,
    format_option,
    settings_of,
)
from creo_schema.render import document
from creo_schema.words import plural


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

    settings = settings_of(ctx)
    with StepProgress(ctx.obj["format"] == "text") as progress:
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
    checked = f"{plural(result.files, 'file')}, {plural(result.statements, 'statement')}"
    if not result.findings:
        click.echo(f"No findings: {checked} checked (static rules, shadow load, lints).")
    else:
        told = ", ".join(plural(n, level) for level, n in counts.items())
        skipped = "" if result.linted else "; shadow load and lints skipped until errors are fixed"
        click.echo(f"{told} in {checked}{skipped}.")
    ctx.exit(code)
