"""`dev`: the local development database."""

from __future__ import annotations

import sys

import click

from creo_schema.cli.app import (
    cli,
    settings_of,
)
from creo_schema.errors import SafetyError
from creo_schema.render import document


@cli.group()
def dev() -> None:
    """The local development database (an embedded PostgreSQL kept in a per-user directory)."""


@dev.command("start")
@click.pass_context
def dev_start(ctx: click.Context) -> None:
    """Start it (creating it the first time) and print its URL."""
    from creo_schema.dev import database

    click.echo(database.start(settings_of(ctx.find_root()).platform))


@dev.command("stop")
@click.option("--all", "all_servers", is_flag=True, help="Stop the shadow servers too.")
@click.pass_context
def dev_stop(ctx: click.Context, all_servers: bool) -> None:
    """Stop it (with --all, the shadow servers too); the data is kept."""
    from creo_schema.cli.shadow import show_stopped
    from creo_schema.commands import servers

    result = servers.stop_dev(all_servers=all_servers)
    if all_servers or ctx.find_root().obj["format"] == "json":
        show_stopped(ctx, result)
    click.echo("stopped" if result.stopped else "not running")  # as before --all existed


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
    click.echo(database.reset(settings_of(ctx.find_root()).platform))


@dev.command("url")
@click.pass_context
def dev_url(ctx: click.Context) -> None:
    """Print the dev database URL (starting it if needed)."""
    from creo_schema.dev import database

    click.echo(database.start(settings_of(ctx.find_root()).platform))
