"""SQL names and literals, written as PostgreSQL's quote_ident and quote_literal would.

Every name the differ writes goes through here; nothing is ever pasted into SQL unquoted.
A name is left bare only when it is plain lower case and no keyword that would need quotes
(the keyword lists are pglast's, from the PostgreSQL grammar it parses with).
"""

from __future__ import annotations

import re
from functools import cache

from pglast.keywords import COL_NAME_KEYWORDS, RESERVED_KEYWORDS, TYPE_FUNC_NAME_KEYWORDS

_PLAIN = re.compile(r"[a-z_][a-z0-9_$]*")
_NEEDS_QUOTES = frozenset(RESERVED_KEYWORDS | TYPE_FUNC_NAME_KEYWORDS | COL_NAME_KEYWORDS)


@cache
def ident(name: str) -> str:
    """An identifier as SQL: bare when that reads the same, else in double quotes."""
    if _PLAIN.fullmatch(name) and name not in _NEEDS_QUOTES:
        return name
    return '"' + name.replace('"', '""') + '"'


@cache
def qualified(schema: str, name: str) -> str:
    return f"{ident(schema)}.{ident(name)}"


def literal(text: str) -> str:
    """A string constant; E'' form when it holds a backslash, as quote_literal does."""
    quoted = "'" + text.replace("'", "''") + "'"
    if "\\" in text:
        return "E" + quoted.replace("\\", "\\\\")
    return quoted


def role(name: str) -> str:
    """A role in GRANT, REVOKE, OWNER TO or a policy's TO list (PUBLIC is a keyword)."""
    return "public" if name == "public" else ident(name)


def parts(name: str) -> tuple[str, ...]:
    """The identifiers of a dotted SQL name, unquoted: `public."My ""T"".x"` ->
    ('public', 'My "T".x'). The inverse of `qualified` (bare parts are lower case)."""
    out: list[str] = []
    current: list[str] = []
    quoted = False
    index = 0
    while index < len(name):
        char = name[index]
        if quoted:
            if char == '"' and name[index + 1 : index + 2] == '"':
                current.append('"')
                index += 1
            elif char == '"':
                quoted = False
            else:
                current.append(char)
        elif char == '"':
            quoted = True
        elif char == ".":
            out.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    out.append("".join(current))
    return tuple(out)
