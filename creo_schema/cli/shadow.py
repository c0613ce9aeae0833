"""`shadow`: the local shadow servers (started on demand, stopped when idle)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import click

from creo_schema.cli.app import cli, stdout
from creo_schema.render import document

if TYPE_CHECKING:
    from creo_schema.commands import servers


@cli.group()
def shadow() -> None:
    """The shadow servers plans and validations load schema/ into.

    They start on demand, stop themselves after `shadow_idle_stop` without use (default
    15min), and keep their data between starts.
    """


@shadow.command("status")
@click.pass_context
def shadow_status(ctx: click.Context) -> None:
    """Say which shadow servers run, where their data is, and when they stop."""
    from creo_schema.commands import servers

    states = servers.shadow_status()
    if ctx.find_root().obj["format"] == "json":
        click.echo(document("shadow-status", servers=[s.to_dict() for s in states]))
        return
    console = stdout()
    if not states:
        console.print("No shadow server has been started in this home.")
    for state in states:
        console.print(f"{state.name:<18} {_state_text(state)}  data: {state.data_dir}")


def _state_text(state: servers.ShadowState) -> str:
    if not state.running:
        return "stopped"
    if not state.watched or not state.idle_stop_s:
        return "running (no idle stop)"
    ago = round(time.time() - (state.last_used or time.time()))
    return f"running (stops after {state.idle_stop_s:g}s idle; last used {ago}s ago)"


@shadow.command("stop")
@click.pass_context
def shadow_stop(ctx: click.Context) -> None:
    """Stop every shadow server now; their data is kept."""
    from creo_schema.commands import servers

    show_stopped(ctx, servers.stop_shadows())


def show_stopped(ctx: click.Context, result: servers.StopResult) -> None:
    if ctx.find_root().obj["format"] == "json":
        click.echo(document("stop", stopped=list(result.stopped)))
    else:
        click.echo(f"stopped {', '.join(result.stopped)}" if result.stopped else "not running")
    ctx.exit(result.exit_code)
