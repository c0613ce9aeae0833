"""Parse schema files with pglast into located statements.

pglast reports positions as character offsets into the text (it converts libpg_query's
byte offsets); `line_col` turns them into the 1-based line and column an editor shows.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import Any

import pglast
from pglast import ast
from pglast.parser import ParseError

from creo_schema.errors import InputError, Location
from creo_schema.source.model import SourceFile, Statement
from creo_schema.source.names import copied_tables, key_facts, names_of, routine_signature
from creo_schema.source.session import SESSION_SETTING, is_session_setting
from creo_schema.source.subscriptions import shadow_sql

_COMMENT_LINE = re.compile(r"^\s*--(.*)$")


class LineIndex:
    """Maps character offsets of one text to (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


@functools.lru_cache(maxsize=8192)
def parse_text(text: str) -> tuple[Any, ...]:
    """pglast's statements of a text, parsed once per process.

    Loading, `validate` and the lints all need the trees; parsing is the costly part
    (1.9 s for 1000 generated tables), so they share this. The trees are read, never changed.
    """
    return tuple(pglast.parse_sql(text))


def parse_file(source: SourceFile) -> list[Statement]:
    """Every top-level statement of one file, with its location and names."""
    index = LineIndex(source.text)
    try:
        raw_statements = parse_text(source.text)
    except ParseError as error:
        offset = error.args[1] if len(error.args) > 1 else 0
        line, column = index.line_col(min(int(offset), len(source.text)))
        raise InputError(
            str(error.args[0]), location=Location(source.path, line, column)
        ) from error
    statements = []
    for raw in raw_statements:
        start = raw.stmt_location or 0
        end = start + raw.stmt_len if raw.stmt_len else len(source.text)
        sql = source.text[start:end].strip().rstrip(";").strip()
        line, column = index.line_col(start)
        created, referenced = names_of(raw.stmt)
        keys, key_refs = key_facts(raw.stmt)
        statements.append(
            Statement(
                sql=sql,
                kind=SESSION_SETTING if is_session_setting(raw.stmt) else type(raw.stmt).__name__,
                location=Location(source.path, line, column),
                offset=start,
                leading_comments=_leading_comments(source.text, start),
                creates=created,
                references=referenced,
                signature=routine_signature(raw.stmt) or "",
                copies=copied_tables(raw.stmt),
                keys=keys,
                key_refs=key_refs,
                shadow_sql=shadow_sql(raw.stmt)
                if isinstance(raw.stmt, ast.CreateSubscriptionStmt)
                else "",
            )
        )
    return statements


def parse_files(files: Iterable[SourceFile]) -> list[Statement]:
    """The statements of the files, but those of schema/roles/ (source/roles.py reads them:
    roles are the cluster's, loaded apart)."""
    return [statement for source in files if not source.roles for statement in parse_file(source)]


def _leading_comments(text: str, start: int) -> tuple[str, ...]:
    """The `--` lines directly above a statement: where `-- creo:` hints are written."""
    lines = text[:start].splitlines()
    comments: list[str] = []
    for line in reversed(lines):
        match = _COMMENT_LINE.match(line)
        if not match:
            if line.strip() == "" and not comments:
                continue
            break
        comments.append(match.group(1).strip())
    return tuple(reversed(comments))
