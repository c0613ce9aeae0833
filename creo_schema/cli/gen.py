"""`gen types`."""

from __future__ import annotations

from pathlib import Path

import click

from creo_schema.cli.app import (
    cli,
    settings_of,
    write_file,
)
from creo_schema.errors import InputError


@cli.group()
def gen() -> None:
    """Generate code from the designed schema (schema/)."""


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
    """Types for the tables, views, functions and enums of the API schemas."""
    from creo_schema.typegen import render
    from creo_schema.typegen.desired import desired_snapshot

    settings = settings_of(ctx.find_root())
    if check and out is None:
        raise InputError(
            "--check needs --out FILE: the file to compare", hint="e.g. --out types/database.ts"
        )
    if not schemas:
        schemas = ("public",) if "public" in settings.managed_schemas else settings.managed_schemas
    unknown = sorted(set(schemas) - set(settings.managed_schemas))
    if unknown:
        raise InputError(
            f"schema {', '.join(unknown)} is not managed: its design is not in schema/",
            hint=f"managed schemas: {', '.join(settings.managed_schemas)}",
        )
    text = render(desired_snapshot(settings, schemas), lang, schemas)
    if check:
        assert out is not None
        current = out.read_text(encoding="utf-8") if out.is_file() else None
        if current == text:
            click.echo(f"{out} is up to date with schema/.")
            return
        click.echo(
            f"{out} is out of date with schema/: run `creo-schema gen types --lang {lang} --out {out}`",
            err=True,
        )
        ctx.exit(1)
    if out is None:
        click.echo(text, nl=False)
        return
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    write_file(out, text)
    click.echo(f"wrote {out}", err=True)
