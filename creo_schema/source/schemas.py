"""The schemas schema/ creates: each is managed, whatever the configuration lists (issue 22).

A forgotten `managed_schemas` line used to make a whole schema invisible: its tables were
never created, and `drift` said "in sync". Every command reads this (config.py), so it is
kept cheap: a file whose text says `create schema` is split into statements by libpg_query's
scanner (25 ms at a thousand tables, where parsing the whole file to JSON and reading that
back cost 475 ms), and only the statements that say it are parsed. A `create schema` inside
a function body or a comment is thus never taken for one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pglast
from pglast.parser import ParseError

from creo_schema.source.model import SourceFile

_MAY_CREATE_SCHEMA = re.compile(r"\bcreate\s+schema\b", re.IGNORECASE)


def created_schemas(files: Iterable[SourceFile]) -> tuple[str, ...]:
    """The schemas the files create, in the order they are first created.

    A file that does not parse creates none here: the parse step reports it, located.
    """
    found: dict[str, None] = {}
    for source in files:
        if not _MAY_CREATE_SCHEMA.search(source.text):
            continue
        try:
            statements = pglast.parser.split(source.text, with_parser=False)
            for text in statements:
                if _MAY_CREATE_SCHEMA.search(text):
                    tree = json.loads(pglast.parser.parse_sql_json(text))
                    for raw in tree.get("stmts", ()):
                        found.update(dict.fromkeys(_schema_names(raw.get("stmt", {}))))
        except ParseError:
            continue
    return tuple(found)


def _schema_names(node: dict[str, object]) -> list[str]:
    create = node.get("CreateSchemaStmt")
    if not isinstance(create, dict):
        return []
    name = create.get("schemaname")
    if isinstance(name, str):
        return [name]
    # CREATE SCHEMA AUTHORIZATION role: the schema takes the role's name.
    role = create.get("authrole")
    if isinstance(role, dict) and isinstance(role.get("rolename"), str):
        return [str(role["rolename"])]
    return []


def created_schemas_in(schema_dir: Path) -> tuple[str, ...]:
    """`created_schemas` of every `.sql` file below `schema_dir` (none when it is missing or
    a file cannot be read: the command that reads schema/ reports that, located)."""
    from creo_schema.errors import InputError
    from creo_schema.source.discover import discover

    try:
        return created_schemas(discover(schema_dir))
    except InputError:
        return ()
