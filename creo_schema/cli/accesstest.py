"""`test`."""

from __future__ import annotations

from pathlib import Path

import click

from creo_schema.cli.app import StepProgress, cli, format_option, settings_of, write_file
from creo_schema.render import document


@cli.command("test")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--junit", type=click.Path(path_type=Path), help="Also write JUnit XML here.")
@click.option("--verbose", "-v", is_flag=True, help="List the tests that pass too.")
@format_option(("text", "json", "github"))
@click.pass_context
def test_command(
    ctx: click.Context, files: tuple[Path, ...], junit: Path | None, verbose: bool
) -> None:
    """Run the access tests of schema/tests/*.toml (or FILES) on a throwaway copy of schema/.

    Each test runs a query or an RPC as an identity (a role and JWT claims) and expects a
    row count, rows, a result, or a failure with a SQLSTATE; each runs in a transaction that
    is rolled back. Exit 0 when all pass, 1 when one fails, 2 for a malformed test file
    (file:line:col), 3 when a database cannot be reached. `--format github` writes an
    annotation on each failing test's line; `--junit PATH` writes JUnit XML as well.
    """
    from creo_schema.accesstest import report
    from creo_schema.commands.testing import run_tests

    output = ctx.obj["format"]
    with StepProgress(output == "text") as progress:
        run = run_tests(settings_of(ctx), files, progress)
    code = 1 if run.failed else 0
    write_file(junit, report.junit(run.results))
    if output == "json":
        click.echo(
            document(
                "test",
                exit_code=code,
                files=run.files,
                passed=len(run.results) - run.failed,
                failed=run.failed,
                results=report.as_dict(run.results),
            )
        )
    elif output == "github":
        click.echo(report.github(run.results, run.files), nl=False)
    else:
        click.echo(report.text(run.results, run.files, verbose=verbose), nl=False)
    ctx.exit(code)
