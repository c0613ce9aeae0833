"""Expressions as PostgreSQL prints them once its own print is run again (issue 23).

A few expressions print differently after a round trip through their printed text (as a
copy of the target made by pg_dump, or a plan's CREATE run from the shadow's print, makes
them), though they mean the same. The known one: an IN list over varchar, which the parser
keeps as an array of casted literals,

    ANY (ARRAY[('open'::character varying)::text, ('new'::character varying)::text])

and which, read back, becomes one cast of the whole array:

    ANY ((ARRAY['open'::character varying, 'new'::character varying])::text[])

The snapshot holds the second form, the fixed point, for every expression it reads, so that
the two compare equal; both are valid SQL, and mean the same.
"""

from __future__ import annotations

import re

_TYPE = r"[a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?"
_ELEMENT = rf"\('(?:[^']|'')*'::{_TYPE}\)::{_TYPE}"
_CASTED_ARRAY = re.compile(rf"ARRAY\[({_ELEMENT}(?:, {_ELEMENT})*)\]")
_PARTS = re.compile(rf"\(('(?:[^']|'')*')::({_TYPE})\)::({_TYPE})")


def reprinted(text: str | None) -> str | None:
    """`text` with every array of casted literals in its round-trip form."""
    if text is None or "ARRAY[(" not in text:
        return text
    return _CASTED_ARRAY.sub(_one_cast, text)


def _one_cast(match: re.Match[str]) -> str:
    parts = _PARTS.findall(match[1])
    inner = {inner for _, inner, _ in parts}
    outer = {outer for _, _, outer in parts}
    if len(inner) != 1 or len(outer) != 1:
        return match[0]  # literals of different types: left as printed
    literals = ", ".join(f"{literal}::{kind}" for literal, kind, _ in parts)
    return f"(ARRAY[{literals}])::{outer.pop()}[]"
