"""Counted nouns in the sentences the tool prints ("1 statement", "2 statements").

One place for it, at the bottom of the layers (pyproject.toml), so that every message from
every layer agrees, and none says "Applied 1 statements".
"""

from __future__ import annotations

# The nouns the tool counts whose plural is not the noun with an `s`.
_IRREGULAR = {"policy": "policies", "index": "indexes", "was": "were", "is": "are"}


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one: `plural(1,
    "row")` is "1 row", `plural(3, "policy")` "3 policies"."""
    return f"{count} {noun_for(count, noun, plural_form)}"


def noun_for(count: int, noun: str, plural_form: str | None = None) -> str:
    """The noun alone, as `plural` spells it for `count` (for a sentence that places the
    number elsewhere)."""
    if count == 1:
        return noun
    return plural_form or _IRREGULAR.get(noun) or f"{noun}s"


def these(count: int, noun: str, plural_form: str | None = None) -> str:
    """The counted noun pointed at, for a question about a list just shown: "this
    statement", "these 3 statements"."""
    if count == 1:
        return f"this {noun}"
    return f"these {plural(count, noun, plural_form)}"
