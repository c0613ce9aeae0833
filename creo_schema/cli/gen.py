"""`gen types`."""

from __future__ import annotations

from pathlib import Path

import click

from creo_schema.cli.app import (
    cli,
    settings_of,
)
from creo_schema.render import document


@cli.group()
def gen() -> None:
    """Generate code from the desired state in schema/ (no database needed)."""


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
    """Types for the tables, views, functions and enums of the API schemas.

    Written to stdout, or to --out FILE; --check compares FILE instead (exit 0 up to date,
    1 out of date). With --format json, one document says what was written or checked
    (and holds the types themselves when there is no --out).
    """
    from creo_schema.commands.typegen import gen_types as generate

    root = ctx.find_root()
    result = generate(settings_of(root), lang, out, check=check, schemas=schemas)
    if root.obj["format"] == "json":
        click.echo(
            document(
                "gen-types",
                lang=lang,
                schemas=list(result.schemas),
                out=str(out) if out is not None else None,
                written=result.written is not None,
                checked=check,
                up_to_date=result.up_to_date,
                message=result.message or None,
                text=result.text if out is None else None,
            )
        )
        ctx.exit(result.exit_code)
    if out is None:
        click.echo(result.text, nl=False)
        return
    if result.exit_code == 0:
        click.echo(result.message, err=not check)  # a check's verdict is its output
    else:
        click.echo(result.message, err=True)
    ctx.exit(result.exit_code)
