"""Fingerprint of the declared source: SHA-256 over each file's parse tree and directives.

The tree comes from pglast's JSON parser (libpg_query's own, ~15x faster than building
Python nodes), with token positions removed: reformatting a file or editing its ordinary
comments does not change the fingerprint, changing what it declares does. Per file path, so
that moving a statement between files counts too. Fast enough to be the key of the
desired-state cache, so that a plan against an unchanged source does not even build an AST.

The parse tree has no comments, yet some comments shape a plan: `-- creo:renamed-from`
turns a drop and add into a rename (the data is kept), `-- creo:allow` silences a lint. So
every line holding a `creo:` directive goes into the fingerprint too, with its line number
(a hint belongs to the statement or column it stands beside). A line that merely mentions
`creo:` (inside a function body, say) costs at most a cache miss, never a wrong plan.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import pglast
from pglast.parser import ParseError

from creo_schema.source.model import SourceFile
from creo_schema.source.parse import parse_file

_POSITIONS = re.compile(r'"(?:stmt_location|stmt_len|location)":-?\d+,?')


def source_fingerprint(files: Iterable[SourceFile]) -> str:
    digest = hashlib.sha256()
    for source in sorted(files, key=lambda f: f.path):
        try:
            tree = pglast.parser.parse_sql_json(source.text)
        except ParseError:
            parse_file(source)  # raises the located InputError
            raise
        digest.update(source.path.encode())
        digest.update(b"\0")
        digest.update(_POSITIONS.sub("", tree).encode())
        digest.update(b"\0")
        for number, line in directive_lines(source.text):
            digest.update(f"{number}:{line}\n".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def directive_lines(text: str) -> list[tuple[int, str]]:
    """Every line holding a `creo:` directive (1-based number, stripped text)."""
    if "creo:" not in text:
        return []
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if "creo:" in line
    ]
