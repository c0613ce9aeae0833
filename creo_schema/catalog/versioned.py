"""Catalog queries for the server at hand: a column some supported majors lack is read
only where the server has it.

A line of a query that ends in `-- from N, else OTHER` is itself on servers of major N and
later, and OTHER (the rest of that comment, which may be nothing) on older ones. pg_subscription is the case: its
columns grew from 15 to 17, and a non-superuser may not read its rows whole (to_jsonb of the
row, as publications.sql reads a newer column), only column by column.
"""

from __future__ import annotations

import re

_SINCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<code>.*?)[ \t]*-- from (?P<major>\d+), else ?(?P<other>.*)$", re.M
)


def for_server(text: str, major: int) -> str:
    """`text` with each marked line as the server of `major` reads it."""

    def pick(found: re.Match[str]) -> str:
        chosen = found["code"] if major >= int(found["major"]) else found["other"]
        return found["indent"] + chosen

    return _SINCE.sub(pick, text)
