"""`access`."""

from __future__ import annotations

import click

from creo_schema.cli.app import StepProgress, cli, format_option, settings_of
from creo_schema.render import document


@cli.command()
@format_option(("text", "json", "markdown"))
@click.pass_context
def access(ctx: click.Context) -> None:
    """Show who can do what in schema/: every table, view, column and function, for each API
    role (anon, authenticated, service_role) and each role schema/ grants to.

    Each cell is none, all rows, rows limited by named policies (with their USING and WITH
    CHECK), some columns only, or past row level security; then the concerns found (a
    missing policy, RLS off, a view or SECURITY DEFINER function open to anon). schema/ is
    loaded into a throwaway shadow database; nothing is written elsewhere. Exit 0, or 2 on
    bad input, 3 when a database cannot be reached.
    """
    from creo_schema.access.render import matrix_dict, matrix_markdown, matrix_text
    from creo_schema.commands import access as command

    output = ctx.obj["format"]
    with StepProgress(output == "text") as progress:
        result = command.access(settings_of(ctx), progress)
    if output == "json":
        body = matrix_dict(result.matrix, result.concerns)
        click.echo(document("access", exit_code=0, server_major=result.server_major, **body))
    elif output == "markdown":
        click.echo(matrix_markdown(result.matrix, result.concerns), nl=False)
    else:
        click.echo(matrix_text(result.matrix, result.concerns), nl=False)
