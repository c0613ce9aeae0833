"""`pull`."""

from __future__ import annotations

import click

from creo_schema.cli.app import StepProgress, cli, format_option, settings_of, stdout
from creo_schema.render import document
from creo_schema.words import plural


@cli.command()
@click.option("--dry-run", is_flag=True, help="Print the files as a unified diff; write nothing.")
@format_option()
@click.pass_context
def pull(ctx: click.Context, dry_run: bool) -> None:
    """Write the database's managed schemas into schema/ as SQL files, then prove them.

    One file per table (with its columns, constraints, indexes, comments, row level
    security, policies, triggers and grants), view, function name, type and sequence, in a
    folder per schema; schemas, extensions and default privileges in files of their own.
    Once written, schema/ is planned against the same database: the plan must be empty, else
    the files are removed again and what differs is named (exit 4). For now schema/ must
    be empty or missing. Exit 0 nothing to pull, 1 files written (with --dry-run: would be),
    2 bad input, 3 database error, 4 not proven.
    """
    from creo_schema.commands import pulling

    settings = settings_of(ctx)
    json_out = ctx.obj["format"] == "json"
    with StepProgress(not json_out and not dry_run) as progress:
        result = pulling.pull(settings, dry_run=dry_run, progress=progress)
    if json_out:
        click.echo(document("pull", **result.to_dict()))
    elif not result.files:
        stdout().print("Nothing to pull: the managed schemas hold no object.")
    elif dry_run:
        click.echo(result.diff, nl=False)
    else:
        for pulled_file in result.files:
            click.echo(f"wrote {settings.schema_dir / pulled_file.path}")
        stdout().print(
            f"Pulled {plural(len(result.files), 'file')} into {settings.schema_dir}; "
            "planned against the database again, it plans nothing."
        )
    ctx.exit(result.exit_code)
