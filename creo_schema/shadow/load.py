"""Load the declared statements into a database, mapping any failure to file:line:col.

Function bodies are not checked at creation (`check_function_bodies = off`, as pg_dump does),
so a function may be declared before the tables its body reads. A subscription is loaded as
the shadow may hold one, never reaching its publisher (source/subscriptions.py). The whole load is one
transaction: a schema that fails halfway leaves nothing behind. Statements go in batches.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg

from creo_schema.db import Connection, connect
from creo_schema.errors import InputError, Location
from creo_schema.source.model import SourceSet, Statement
from creo_schema.source.parse import LineIndex
from creo_schema.source.session import SESSION_SETTING

# Statements sent per round trip. One at a time, a thousand-table schema spends about a
# third of its load waiting on the network; a batch that fails is rolled back to its
# savepoint and run again one statement at a time, to name the statement at fault.
BATCH = 200


def load_statements(
    url: str,
    source: SourceSet,
    statements: tuple[Statement, ...] | None = None,
    *,
    count: Callable[[int, int], None] | None = None,
) -> None:
    """Load `statements` (all of `source` by default); `count(loaded, total)` after each
    batch, for a person watching a large schema load."""
    with connect(url) as conn:
        load_into(conn, source, statements, count=count)


def load_into(
    conn: Connection,
    source: SourceSet,
    statements: tuple[Statement, ...] | None = None,
    *,
    count: Callable[[int, int], None] | None = None,
) -> None:
    """`load_statements` on an open connection (not in autocommit), committed; function
    bodies go unchecked while it loads, and check_function_bodies is reset after."""
    todo = tuple(
        s
        for s in (source.statements if statements is None else statements)
        if s.kind != SESSION_SETTING  # a dump's SET lines: they declare nothing
    )
    conn.execute("set check_function_bodies = off")
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        _execute_batch(conn, source, batch)
        if count:
            count(start + len(batch), len(todo))
    conn.commit()
    conn.execute("reset check_function_bodies")
    conn.commit()


def _execute_batch(conn: Connection, source: SourceSet, batch: tuple[Statement, ...]) -> None:
    # A newline before each `;`: a statement may end in a `--` comment.
    text = "\n;\n".join(statement.shadow_sql or statement.sql for statement in batch)
    try:
        with conn.transaction():  # a savepoint
            conn.execute(text)
        return
    except psycopg.Error:
        pass
    for statement in batch:  # the batch is undone: find the statement at fault
        _execute(conn, source, statement)


def _execute(conn: Connection, source: SourceSet, statement: Statement) -> None:
    try:
        conn.execute(statement.shadow_sql or statement.sql)
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
    if not position or statement.shadow_sql:
        return statement.location  # a position in the shadow's text is none in the file
    text = source.file_text(statement.location.file)
    line, column = LineIndex(text).line_col(statement.offset + int(position) - 1)
    return Location(statement.location.file, line, column)
