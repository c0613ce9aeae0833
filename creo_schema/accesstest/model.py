"""A test file as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from creo_schema.errors import Location
from creo_schema.words import plural


@dataclass(frozen=True)
class User:
    name: str
    email: str
    user_metadata: dict[str, Any]
    app_metadata: dict[str, Any]


@dataclass(frozen=True)
class Identity:
    """Who a request comes from: `set local role <role>` and `request.jwt.claims`."""

    name: str
    role: str
    claims: dict[str, Any]
    location: Location


@dataclass(frozen=True)
class Fixture:
    """Rows for `table` (or a statement, `sql`), run as `role` before the tests."""

    role: str
    table: str | None
    rows: tuple[dict[str, Any], ...]
    sql: str | None
    location: Location


@dataclass(frozen=True)
class Expectation:
    """One of: `count` rows returned or written, `rows` returned, the RPC's `result`, or a
    failure with SQLSTATE `error` (and `message` in its text)."""

    count: int | None = None
    rows: list[dict[str, Any]] | None = None
    result: Any = None
    has_result: bool = False
    error: str | None = None
    message: str | None = None

    def describe(self) -> str:
        if self.error is not None:
            return f"error {self.error}" + (f" ({self.message})" if self.message else "")
        if self.count is not None:
            return plural(self.count, "row")
        if self.rows is not None:
            return f"rows {self.rows}"
        return f"result {self.result!r}"


@dataclass(frozen=True)
class Case:
    """One test run as one identity."""

    name: str
    identity: str
    query: str | None
    rpc: str | None
    args: dict[str, Any]
    setup: str | None
    after: tuple[str, list[dict[str, Any]]] | None  # a query run after, as the owner, and its rows
    expect: Expectation
    location: Location

    @property
    def title(self) -> str:
        return f"{self.name} [{self.identity}]"


@dataclass(frozen=True)
class TestFile:
    path: str  # as shown: schema/tests/rls.toml
    users: tuple[User, ...]
    identities: dict[str, Identity]
    fixtures: tuple[Fixture, ...]
    cases: tuple[Case, ...]
    references: tuple[tuple[str, str, Location], ...] = field(default=())  # (kind, name, where)
