"""`health`."""

from __future__ import annotations

import click

from creo_schema.cli.app import (
    cli,
    format_option,
    settings_of,
    stdout,
)
from creo_schema.render import document


@cli.command()
@click.option(
    "--no-drift", is_flag=True, help="Skip the drift check (it loads schema/ into a shadow)."
)
@click.option(
    "--long-after",
    metavar="SECONDS",
    default=300,
    show_default=True,
    type=click.IntRange(1),
    help="Report transactions and lock waits older than this many seconds.",
)
@format_option()
@click.pass_context
def health(ctx: click.Context, no_drift: bool, long_after: int) -> None:
    """Check the database: connection, migrations, drift, integrity, indexes, RLS, activity.

    Exit 0 healthy, 1 problems found, 2 bad input or configuration, 3 cannot connect.
    """
    from creo_schema.commands import health as command

    root = ctx.find_root()
    result = command.health(settings_of(root), check_drift=not no_drift, long_after_s=long_after)
    report = result.report
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
        console = stdout()
        colour = {"ok": "green", "warning": "yellow", "problem": "red", "skipped": "dim"}
        for c in report.checks:
            console.print(
                f"[{colour[c.status]}]{c.status:<8}[/{colour[c.status]}] {c.name:<11} {c.summary}",
                markup=True,
            )
            for line in c.details:
                console.print(f"{'':21}{line}", markup=False)
        console.print("Healthy." if report.healthy else "Problems found.")
    ctx.exit(result.exit_code)
