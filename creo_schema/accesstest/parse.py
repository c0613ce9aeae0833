"""Read a test file into plain data; bad input is one error naming `file:line:col`.

tomllib locates syntax errors but gives no positions for values, so `_Locator` finds the
line of a table header (`[[test]]`, the n-th one) or of a key inside it in the text: what a
person needs to find the mistake, never a guess beyond the table it is in.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from creo_schema.accesstest.model import Case, Expectation, Fixture, Identity, TestFile, User
from creo_schema.errors import InputError, Location

_SQLSTATE = re.compile(r"([0-9A-Z]{5})(?::\s*(.*))?")
_TOP = frozenset({"users", "identities", "fixture", "test"})
_USER_KEYS = frozenset({"email", "user_metadata", "app_metadata"})
_IDENTITY_KEYS = frozenset({"role", "user", "app_metadata", "claims"})
_FIXTURE_KEYS = frozenset({"table", "rows", "sql", "role"})
_TEST_KEYS = frozenset(
    {"name", "as", "query", "rpc", "args", "setup", "after", "expect"}
    | {"count", "rows", "returns", "error"}
)
_OUTCOMES = ("count", "rows", "returns", "error")


def parse_test_file(path: Path, shown: str) -> TestFile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read test file {shown}: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        where = Location(shown, int(found[1]), int(found[2])) if found else Location(shown, 1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise InputError(f"not valid TOML: {message}", location=where) from None
    return _Reader(shown, text).read(data)


class _Locator:
    def __init__(self, shown: str, text: str) -> None:
        self.shown = shown
        self.lines = text.splitlines()

    def header(self, name: str, index: int = 0) -> Location:
        """The n-th `[name]` or `[[name]]` header (or `[name.x]`)."""
        pattern = re.compile(rf"\s*\[\[?\s*{re.escape(name)}(\s*\]|\.)")
        seen = 0
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line):
                if seen == index:
                    return Location(self.shown, number, 1)
                seen += 1
        return Location(self.shown, 1, 1)

    def key(self, start: Location, key: str) -> Location:
        """`key = ...` in the table that starts at `start` (before the next header)."""
        pattern = re.compile(rf"(\s*)(\"?{re.escape(key)}\"?)\s*=")
        for number in range(start.line, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start.line and line.lstrip().startswith("["):
                break
            found = pattern.match(line)
            if found:
                return Location(self.shown, number, len(found[1]) + 1)
            inline = re.search(rf"[{{,]\s*(\"?{re.escape(key)}\"?)\s*=", line)
            if inline and number >= start.line:
                return Location(self.shown, number, inline.start(1) + 1)
        return start


class _Reader:
    def __init__(self, shown: str, text: str) -> None:
        self.shown = shown
        self.at = _Locator(shown, text)
        self.references: list[tuple[str, str, Location]] = []

    def fail(self, message: str, where: Location) -> InputError:
        return InputError(message, location=where)

    def read(self, data: dict[str, Any]) -> TestFile:
        for key in data:
            if key not in _TOP:
                raise self.fail(
                    f"unknown table {key!r} (expected users, identities, fixture, test)",
                    self.at.header(key)
                    if isinstance(data[key], dict | list)
                    else self.at.key(Location(self.shown, 1, 1), key),
                )
        users = self._users(data.get("users", {}))
        identities = self._identities(data.get("identities", {}), {u.name for u in users})
        fixtures = tuple(
            self._fixture(item, number) for number, item in enumerate(self._list(data, "fixture"))
        )
        tests = self._list(data, "test")
        if not tests:
            raise self.fail("no [[test]] in the file", Location(self.shown, 1, 1))
        cases = tuple(
            case
            for number, item in enumerate(tests)
            for case in self._cases(item, number, identities)
        )
        return TestFile(self.shown, users, identities, fixtures, cases, tuple(self.references))

    def _list(self, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = data.get(name, [])
        if not isinstance(value, list):
            raise self.fail(
                f"{name} must be an array of tables: write [[{name}]]", self.at.header(name)
            )
        return value

    def _users(self, table: object) -> tuple[User, ...]:
        where = self.at.header("users")
        if not isinstance(table, dict):
            raise self.fail("users must be a table of users by name", where)
        users = []
        for name, spec in table.items():
            at = (
                self.at.key(where, name)
                if not isinstance(spec, dict)
                else self.at.header(f"users.{name}")
            )
            spec = self._table(spec, f"user {name}", _USER_KEYS, at)
            users.append(
                User(
                    name,
                    str(spec.get("email", f"{name}@example.com")),
                    self._mapping(spec, "user_metadata", at),
                    self._mapping(spec, "app_metadata", at),
                )
            )
        return tuple(users)

    def _identities(self, table: object, users: set[str]) -> dict[str, Identity]:
        where = self.at.header("identities")
        if not isinstance(table, dict):
            raise self.fail("identities must be a table of identities by name", where)
        found = {}
        for name, spec in table.items():
            at = self.at.key(where, name)
            spec = self._table(spec, f"identity {name}", _IDENTITY_KEYS, at)
            role = spec.get("role")
            if not isinstance(role, str) or not role:
                raise self.fail(f"identity {name} needs a role (anon, authenticated, ...)", at)
            claims: dict[str, Any] = {"role": role, "aud": role}
            user = spec.get("user")
            if user is not None:
                if user not in users:
                    known = ", ".join(sorted(users)) or "none declared"
                    raise self.fail(f"identity {name}: unknown user {user!r} (users: {known})", at)
                claims.update(sub=f"${{{user}}}", is_anonymous=False)
            app_metadata = self._mapping(spec, "app_metadata", at)
            claims["app_metadata"] = {"provider": "email", **app_metadata} if user else app_metadata
            claims.update(self._mapping(spec, "claims", at))
            self.references.append(("role", role, at))
            found[name] = Identity(name, role, claims, at)
        return found

    def _fixture(self, item: object, number: int) -> Fixture:
        where = self.at.header("fixture", number)
        spec = self._table(item, "fixture", _FIXTURE_KEYS, where)
        table, rows, sql = spec.get("table"), spec.get("rows", []), spec.get("sql")
        if (table is None) == (sql is None):
            raise self.fail("a fixture has either table (with rows) or sql", where)
        if table is not None:
            if not isinstance(table, str) or "." not in table:
                raise self.fail(
                    'table must be schema-qualified: table = "public.orders"',
                    self.at.key(where, "table"),
                )
            if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
                raise self.fail(
                    "rows must be a non-empty array of tables", self.at.key(where, "rows")
                )
            self.references.append(("table", table, self.at.key(where, "table")))
        elif not isinstance(sql, str):
            raise self.fail("sql must be a string", self.at.key(where, "sql"))
        role = spec.get("role", "service_role")
        if not isinstance(role, str):
            raise self.fail("role must be a string", self.at.key(where, "role"))
        return Fixture(role, table, tuple(rows), sql, where)

    def _cases(self, item: object, number: int, identities: dict[str, Identity]) -> list[Case]:
        """The n-th [[test]]: one case per identity it runs as."""
        where = self.at.header("test", number)
        spec = self._table(item, "test", _TEST_KEYS, where)
        name = spec.get("name")
        if not isinstance(name, str) or not name:
            raise self.fail("a test needs a name", where)
        query, rpc = self._statement(spec, name, where)
        args = self._mapping(spec, "args", where)
        after = self._after(spec, name, where)
        if "expect" in spec:
            plan = self._per_identity(spec, name, where, rpc is not None)
        else:
            plan = self._one_outcome(spec, name, where, rpc is not None)
        cases = []
        for who, expectation in plan:
            if who not in identities:
                known = ", ".join(sorted(identities)) or "none declared"
                at = self.at.key(where, who) if "expect" in spec else self.at.key(where, "as")
                raise self.fail(
                    f"test {name!r}: unknown identity {who!r} (identities: {known})", at
                )
            cases.append(
                Case(name, who, query, rpc, args, spec.get("setup"), after, expectation, where)
            )
        return cases

    def _statement(
        self, spec: dict[str, Any], name: str, where: Location
    ) -> tuple[str | None, str | None]:
        """(query, rpc): what a test runs, exactly one of them."""
        query, rpc = spec.get("query"), spec.get("rpc")
        if (query is None) == (rpc is None):
            raise self.fail(f"test {name!r}: give either query or rpc", where)
        for key, value in (("query", query), ("rpc", rpc), ("setup", spec.get("setup"))):
            if value is not None and not isinstance(value, str):
                raise self.fail(f"test {name!r}: {key} must be a string", self.at.key(where, key))
        if rpc is not None:
            if not re.fullmatch(r"[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*", rpc):
                raise self.fail(
                    f"test {name!r}: rpc must be schema.function", self.at.key(where, "rpc")
                )
            self.references.append(("function", rpc, self.at.key(where, "rpc")))
        return query, rpc

    def _per_identity(
        self, spec: dict[str, Any], name: str, where: Location, rpc: bool
    ) -> list[tuple[str, Expectation]]:
        """`expect = { identity = outcome, ... }`: an outcome of its own per identity."""
        outcomes = [k for k in _OUTCOMES if k in spec]
        if outcomes or "as" in spec:
            raise self.fail(
                f"test {name!r}: expect (per identity) replaces as and {', '.join(outcomes) or 'the outcome'}",
                self.at.key(where, "expect"),
            )
        table = spec["expect"]
        at = self.at.key(where, "expect")
        if not isinstance(table, dict) or not table:
            raise self.fail(f"test {name!r}: expect must map identities to outcomes", at)
        return [(who, self._outcome(value, name, at, rpc)) for who, value in table.items()]

    def _one_outcome(
        self, spec: dict[str, Any], name: str, where: Location, rpc: bool
    ) -> list[tuple[str, Expectation]]:
        """`as` (an identity or a list of them) and one outcome, the same for each."""
        outcomes = [k for k in _OUTCOMES if k in spec]
        if len(outcomes) != 1:
            raise self.fail(
                f"test {name!r}: give one of count, rows, returns, error (or expect per identity)",
                where,
            )
        who_value = spec.get("as")
        at = self.at.key(where, "as")
        if isinstance(who_value, str):
            who_value = [who_value]
        if not isinstance(who_value, list) or not who_value:
            raise self.fail(f"test {name!r}: as names the identity (or a list of them)", at)
        outcome = self._outcome(
            {outcomes[0]: spec[outcomes[0]]}, name, self.at.key(where, outcomes[0]), rpc
        )
        return [(who, outcome) for who in who_value]

    def _outcome(self, value: object, name: str, at: Location, rpc: bool) -> Expectation:
        if isinstance(value, str):
            return self._error(value, name, at)
        if isinstance(value, bool) or not isinstance(value, dict):
            if rpc:
                return Expectation(result=value, has_result=True)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return Expectation(count=value)
            raise self.fail(f"test {name!r}: an outcome is a row count, a SQLSTATE or a table", at)
        if len(value) != 1 or next(iter(value)) not in _OUTCOMES:
            raise self.fail(
                f"test {name!r}: an outcome table has one of count, rows, returns, error", at
            )
        key, inner = next(iter(value.items()))
        if key == "error":
            if not isinstance(inner, str):
                raise self.fail(f'test {name!r}: error is a SQLSTATE such as "42501"', at)
            return self._error(inner, name, at)
        if key == "count":
            if not isinstance(inner, int) or isinstance(inner, bool) or inner < 0:
                raise self.fail(f"test {name!r}: count is a number of rows", at)
            return Expectation(count=inner)
        if key == "rows":
            if not isinstance(inner, list) or not all(isinstance(r, dict) for r in inner):
                raise self.fail(f"test {name!r}: rows is an array of tables (column = value)", at)
            return Expectation(rows=inner)
        if not rpc:
            raise self.fail(
                f"test {name!r}: returns is for an rpc; a query expects count or rows", at
            )
        return Expectation(result=inner, has_result=True)

    def _error(self, value: str, name: str, at: Location) -> Expectation:
        found = _SQLSTATE.fullmatch(value.strip())
        if not found:
            raise self.fail(
                f'test {name!r}: {value!r} is not a SQLSTATE (five characters, e.g. "42501", '
                'optionally followed by ": text of the message")',
                at,
            )
        return Expectation(error=found[1], message=found[2] or None)

    def _after(
        self, spec: dict[str, Any], name: str, where: Location
    ) -> tuple[str, list[dict[str, Any]]] | None:
        after = spec.get("after")
        if after is None:
            return None
        at = self.at.key(where, "after")
        if (
            not isinstance(after, dict)
            or set(after) != {"query", "rows"}
            or not isinstance(after["query"], str)
            or not isinstance(after["rows"], list)
        ):
            raise self.fail(f'test {name!r}: after = {{ query = "...", rows = [...] }}', at)
        return after["query"], after["rows"]

    def _table(
        self, value: object, what: str, keys: frozenset[str], at: Location
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a table", at)
        unknown = sorted(set(value) - keys)
        if unknown:
            raise self.fail(
                f"{what}: unknown key {unknown[0]!r} (known: {', '.join(sorted(keys))})",
                self.at.key(at, unknown[0]),
            )
        return value

    def _mapping(self, spec: dict[str, Any], key: str, at: Location) -> dict[str, Any]:
        value = spec.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(f"{key} must be a table", self.at.key(at, key))
        return value
