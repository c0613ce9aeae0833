"""`dev`: the local development database."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from creo_schema.cli.app import (
    approve_option,
    ask,
    cli,
    settings_of,
)
from creo_schema.render import document

if TYPE_CHECKING:
    from creo_schema.commands.dev import DevDatabase


@cli.group()
def dev() -> None:
    """The local development database (an embedded PostgreSQL kept in a per-user directory).

    It is the target of every command given no --database-url and no $DATABASE_URL.
    """


@dev.command("start")
@click.pass_context
def dev_start(ctx: click.Context) -> None:
    """Start it (creating it the first time) and print its URL."""
    from creo_schema.commands import dev as command

    _show(ctx, "dev-start", command.start(settings_of(ctx.find_root())))


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
    """Say whether it runs, where its data is and its URL.

    Exit 0 when it runs, 1 when it is stopped, in every --format (so that a script can
    run `creo-schema dev status || creo-schema dev start`).
    """
    from creo_schema.commands import dev as command

    state = command.status()
    if ctx.find_root().obj["format"] == "json":
        click.echo(document("dev-status", **vars(state)))
    else:
        click.echo(
            f"{'running' if state.running else 'stopped'}  data: {state.data_dir}"
            + (f"  url: {state.url}" if state.url else "")
        )
    ctx.exit(command.status_exit_code(state))


@dev.command("reset")
@approve_option("Reset")
@click.pass_context
def dev_reset(ctx: click.Context, auto_approve: bool) -> None:
    """Drop the dev database and create it empty (platform prelude only), then print its URL."""
    from creo_schema.commands import dev as command

    made = command.reset(settings_of(ctx.find_root()), approved=auto_approve, ask=ask())
    _show(ctx, "dev-reset", made)


@dev.command("url")
@click.pass_context
def dev_url(ctx: click.Context) -> None:
    """Print the dev database URL (starting it if needed)."""
    from creo_schema.commands import dev as command

    _show(ctx, "dev-url", command.start(settings_of(ctx.find_root())))


def _show(ctx: click.Context, kind: str, made: DevDatabase) -> None:
    """The URL alone as text (for `$(creo-schema dev url)`); with --format json, what it
    points at too."""
    if ctx.find_root().obj["format"] == "json":
        click.echo(document(kind, **vars(made)))
    else:
        click.echo(made.url)
