"""`gen types`: generate, or check (for CI) that a generated file is up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from creo_schema.config import Settings
from creo_schema.errors import InputError


@dataclass(frozen=True)
class GenResult:
    text: str  # what schema/ generates
    schemas: tuple[str, ...]  # the schemas it was generated for
    exit_code: int = 0
    message: str = ""  # for stderr (the check's verdict, or where the file was written)
    written: Path | None = None
    up_to_date: bool | None = None  # --check's verdict (None: nothing was checked)


def gen_types(
    settings: Settings, lang: str, out: Path | None, *, check: bool, schemas: tuple[str, ...]
) -> GenResult:
    from creo_schema.typegen import render
    from creo_schema.typegen.desired import desired_snapshot

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
    if out is None:
        return GenResult(text, schemas)
    if check:
        current = out.read_text(encoding="utf-8") if out.is_file() else None
        if current == text:
            return GenResult(text, schemas, 0, f"{out} is up to date with schema/.", None, True)
        return GenResult(
            text,
            schemas,
            1,
            f"{out} is out of date with schema/: run "
            f"`creo-schema gen types --lang {lang} --out {out}`",
            None,
            False,
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {out}: {error.strerror}") from None
    return GenResult(text, schemas, 0, f"wrote {out}", out)
