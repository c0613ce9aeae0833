"""`dev`: the local development database."""

from __future__ import annotations

import click

from creo_schema.cli.app import (
    ask,
    cli,
    settings_of,
)
from creo_schema.render import document


@cli.group()
def dev() -> None:
    """The local development database (an embedded PostgreSQL kept in a per-user directory)."""


@dev.command("start")
@click.pass_context
def dev_start(ctx: click.Context) -> None:
    """Start it (creating it the first time) and print its URL."""
    from creo_schema.commands import dev as command

    click.echo(command.start(settings_of(ctx.find_root())))


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
    from creo_schema.commands import dev as command

    state = command.status()
    if ctx.find_root().obj["format"] == "json":
        click.echo(document("dev-status", **vars(state)))
        return
    click.echo(
        f"{'running' if state.running else 'stopped'}  data: {state.data_dir}"
        + (f"  url: {state.url}" if state.url else "")
    )
    ctx.exit(command.status_exit_code(state))


@dev.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def dev_reset(ctx: click.Context, yes: bool) -> None:
    """Drop the dev database and create it empty (platform prelude only)."""
    from creo_schema.commands import dev as command

    click.echo(command.reset(settings_of(ctx.find_root()), approved=yes, ask=ask()))


@dev.command("url")
@click.pass_context
def dev_url(ctx: click.Context) -> None:
    """Print the dev database URL (starting it if needed)."""
    from creo_schema.commands import dev as command

    click.echo(command.start(settings_of(ctx.find_root())))
