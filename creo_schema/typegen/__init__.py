"""Typed access to the designed schema: TypeScript (Supabase-compatible) and pydantic."""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.errors import InputError
from creo_schema.typegen import python, typescript

LANGUAGES = {"typescript": typescript.generate, "python": python.generate}


def render(snap: CatalogSnapshot, lang: str, schemas: tuple[str, ...]) -> str:
    try:
        generate = LANGUAGES[lang]
    except KeyError:
        raise InputError(f"unknown language {lang!r}", hint="use typescript or python") from None
    return generate(snap, schemas)


__all__ = ["LANGUAGES", "render"]
