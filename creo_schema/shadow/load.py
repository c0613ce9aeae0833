"""Load the declared statements into a database, mapping any failure to file:line:col.

Function bodies are not checked at creation (`check_function_bodies = off`, as pg_dump does),
so a function may be declared before the tables its body reads. The whole load is one
transaction: a schema that fails halfway leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

import psycopg

from creo_schema.db import connect
from creo_schema.errors import InputError, Location
from creo_schema.source.model import SourceSet, Statement
from creo_schema.source.parse import LineIndex


def load_statements(
    url: str, source: SourceSet, statements: tuple[Statement, ...] | None = None
) -> None:
    todo = source.statements if statements is None else statements
    with connect(url) as conn:
        conn.execute("set check_function_bodies = off")
        for statement in todo:
            _execute(conn, source, statement)
        conn.commit()


def _execute(conn: Any, source: SourceSet, statement: Statement) -> None:
    try:
        conn.execute(statement.sql)
    except psycopg.Error as error:
        raise InputError(
            _message(error), location=_error_location(source, statement, error), hint=_hint(error)
        ) from None


def _message(error: psycopg.Error) -> str:
    primary = error.diag.message_primary or str(error).splitlines()[0]
    return f"PostgreSQL rejected this statement: {primary}"


def _hint(error: psycopg.Error) -> str | None:
    return error.diag.message_hint or error.diag.message_detail or None


def _error_location(source: SourceSet, statement: Statement, error: psycopg.Error) -> Location:
    """The statement's place, refined by the server's cursor position when it gives one."""
    position = error.diag.statement_position
    if not position:
        return statement.location
    text = source.file_text(statement.location.file)
    line, column = LineIndex(text).line_col(statement.offset + int(position) - 1)
    return Location(statement.location.file, line, column)
