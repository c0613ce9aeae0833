"""Run parsed test files on a database holding the desired state.

Each file gets its own copy of that database (CREATE DATABASE ... TEMPLATE), where its users
and fixtures are committed once; each test then runs in one transaction that is rolled back:
setup (as the service role), `set local role` and `request.jwt.claims` as PostgREST does for
a request, the statement under a savepoint (so that `after` can still look), then rollback.
The claims are set in every transaction, before anything runs: once set locally they read
'' after the transaction, which `auth.uid()` cannot parse (SUPABASE.md section 4).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import sql
from psycopg.abc import Query
from psycopg.rows import TupleRow

from creo_schema.accesstest.model import Case, Expectation, Fixture, TestFile, User
from creo_schema.db import Connection, connect
from creo_schema.diff.quote import literal
from creo_schema.words import plural

_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NAMESPACE = uuid.UUID("6f1c2a52-3f4e-4d8e-9a61-8f2a7c1d0e55")
_SERVICE_CLAIMS = json.dumps({"role": "service_role"})


@dataclass(frozen=True)
class CaseResult:
    file: str
    case: Case
    passed: bool
    message: str
    duration_ms: float


def placeholder_id(name: str) -> str:
    """The uuid `${name}` stands for: the same in every file and run."""
    return str(uuid.uuid5(_NAMESPACE, name))


def in_sql(text: str) -> str:
    """`${name}` as a SQL literal."""
    return _PLACEHOLDER.sub(lambda m: f"'{placeholder_id(m[1])}'", text)


def resolved(value: Any) -> Any:
    """`${name}` inside values (fixture rows, args, expected rows) as the uuid's text."""
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: placeholder_id(m[1]), value)
    if isinstance(value, list):
        return [resolved(v) for v in value]
    if isinstance(value, dict):
        return {k: resolved(v) for k, v in value.items()}
    return value


def run_file(url: str, test_file: TestFile) -> list[CaseResult]:
    """All of a file's tests on `url` (a database of its own: the fixtures are committed)."""
    with connect(url) as conn:
        try:
            _prepare(conn, test_file.users, test_file.fixtures)
        except psycopg.Error as error:
            conn.rollback()
            message = f"the fixtures failed: {_error_text(error)}"
            return [CaseResult(test_file.path, c, False, message, 0.0) for c in test_file.cases]
        return [_run_case(conn, test_file, case) for case in test_file.cases]


def _prepare(conn: Connection, users: Iterable[User], fixtures: Iterable[Fixture]) -> None:
    for user in users:
        conn.execute(
            "insert into auth.users (id, aud, role, email, raw_app_meta_data,"
            " raw_user_meta_data, created_at, updated_at)"
            " values (%s, 'authenticated', 'authenticated', %s, %s, %s, now(), now())",
            (
                placeholder_id(user.name),
                user.email,
                json.dumps({"provider": "email", **resolved(user.app_metadata)}),
                json.dumps(resolved(user.user_metadata)),
            ),
        )
    for fixture in fixtures:
        _as_role(conn, fixture.role, _SERVICE_CLAIMS)
        if fixture.sql is not None:
            conn.execute(in_sql(fixture.sql))
        else:
            assert fixture.table is not None
            for row in fixture.rows:
                conn.execute(_insert(fixture.table, resolved(row)))
        conn.execute("reset role")
    conn.commit()


def _insert(table: str, row: dict[str, Any]) -> sql.Composed:
    schema, name = table.split(".", 1)
    return sql.SQL("insert into {}.{} ({}) values ({})").format(
        sql.Identifier(schema),
        sql.Identifier(name),
        sql.SQL(", ").join(sql.Identifier(k) for k in row),
        sql.SQL(", ").join(sql.SQL(_literal(v)) for v in row.values()),
    )


def _literal(value: object) -> str:
    """A constant of no declared type, so that PostgreSQL casts it to the column's or
    argument's type (an enum, a uuid, an array of enums, jsonb) as it would a quoted text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        items = ",".join(
            '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"' for v in value
        )
        return literal("{" + items + "}")
    if isinstance(value, dict | list):
        return literal(json.dumps(value))
    return literal(str(value))


def _as_role(conn: Connection, role: str, claims: str) -> None:
    conn.execute("select set_config('request.jwt.claims', %s, true)", (claims,))
    conn.execute(sql.SQL("set local role {}").format(sql.Identifier(role)))


def _run_case(conn: Connection, test_file: TestFile, case: Case) -> CaseResult:
    started = time.perf_counter()
    identity = test_file.identities[case.identity]
    try:
        conn.execute("set local statement_timeout = '30s'")
        if case.setup:
            _as_role(conn, "service_role", _SERVICE_CLAIMS)
            conn.execute(in_sql(case.setup))
            conn.execute("reset role")
        _as_role(conn, identity.role, json.dumps(resolved(identity.claims)))
        outcome: _Outcome | psycopg.Error
        try:
            with conn.transaction():
                outcome = _outcome(conn, case)
        except psycopg.Error as error:
            outcome = error
        problem = _compare(case.expect, outcome, case.rpc is not None)
        if problem is None and case.after is not None:
            conn.execute("reset role")
            query, expected = case.after
            cursor = conn.execute(in_sql(query))
            problem = _rows_problem(expected, _rows(cursor), "after: ")
    except psycopg.Error as error:
        problem = f"the test's setup failed: {_error_text(error)}"
    finally:
        conn.rollback()
    elapsed = (time.perf_counter() - started) * 1000
    return CaseResult(test_file.path, case, problem is None, problem or "", elapsed)


@dataclass(frozen=True)
class _Outcome:
    count: int
    rows: list[dict[str, Any]]


def _outcome(conn: Connection, case: Case) -> _Outcome:
    if case.rpc is not None:
        schema, name = case.rpc.split(".", 1)
        args = sql.SQL(", ").join(
            sql.SQL("{} => {}").format(sql.Identifier(k), sql.SQL(_literal(v)))
            for k, v in resolved(case.args).items()
        )
        statement: Query = sql.SQL("select * from {}.{}({})").format(
            sql.Identifier(schema), sql.Identifier(name), args
        )
    else:
        assert case.query is not None
        statement = in_sql(case.query)
    cursor = conn.execute(statement)
    if cursor.description is None:
        return _Outcome(cursor.rowcount, [])
    rows = _rows(cursor)
    return _Outcome(len(rows), rows)


def _rows(cursor: psycopg.Cursor[TupleRow]) -> list[dict[str, Any]]:
    names = [c.name for c in cursor.description or ()]
    return [dict(zip(names, map(_plain, row), strict=True)) for row in cursor.fetchall()]


def _compare(expect: Expectation, outcome: _Outcome | psycopg.Error, rpc: bool) -> str | None:
    if isinstance(outcome, psycopg.Error):
        state = getattr(outcome.diag, "sqlstate", None)
        got = f"error {state}: {_error_text(outcome)}"
        if expect.error is None:
            return f"expected {expect.describe()}, got {got}"
        if state != expect.error or (
            expect.message and expect.message.lower() not in str(outcome).lower()
        ):
            return f"expected {expect.describe()}, got {got}"
        return None
    if expect.error is not None:
        return f"expected {expect.describe()}, got {_describe(outcome)}"
    if expect.count is not None:
        if outcome.count != expect.count:
            return f"expected {expect.describe()}, got {_describe(outcome)}"
        return None
    if expect.rows is not None:
        return _rows_problem(expect.rows, outcome.rows, "")
    value: Any = outcome.rows
    if len(outcome.rows) == 1 and len(outcome.rows[0]) == 1:
        value = next(iter(outcome.rows[0].values()))
    elif len(outcome.rows) == 1 and isinstance(expect.result, dict):
        value = outcome.rows[0]
    wanted = resolved(expect.result)
    if value != wanted:
        return f"expected result {wanted!r}, got {value!r}"
    return None


def _rows_problem(
    expected: list[dict[str, Any]], got: list[dict[str, Any]], prefix: str
) -> str | None:
    """Rows compared in order, on the columns the expected rows name."""
    wanted = resolved(expected)
    if len(wanted) != len(got) or any(
        any(k not in row or row[k] != v for k, v in want.items())
        for want, row in zip(wanted, got, strict=False)
    ):
        shown = [{k: row.get(k) for k in (wanted[0] if wanted else row)} for row in got]
        return f"{prefix}expected rows {wanted!r}, got {shown!r}"
    return None


def _describe(outcome: _Outcome) -> str:
    return plural(outcome.count, "row")


def _plain(value: Any) -> Any:
    """A value as TOML writes it: numbers, text, booleans, tables, arrays."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | clock):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def _error_text(error: psycopg.Error) -> str:
    diag = getattr(error, "diag", None)
    return " ".join(((diag.message_primary if diag else None) or str(error)).split())
