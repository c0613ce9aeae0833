"""Fingerprint of the declared source: SHA-256 over each file's parse tree.

The tree comes from pglast's JSON parser (libpg_query's own, ~15x faster than building
Python nodes), with token positions removed: reformatting or re-commenting a file does not
change the fingerprint, changing what it declares does. Per file path, so that moving a
statement between files counts too. Fast enough to be the key of the desired-state cache,
so that a plan against an unchanged source does not even build an AST.
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
    return digest.hexdigest()
