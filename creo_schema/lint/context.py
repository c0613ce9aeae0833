"""What a rule sees: the parsed statements, the shadow's catalog, and where objects are declared.

Catalog findings name objects (`public.orders`, a policy, an index); `Locator` maps those names
back to the statement that declares them, so that every finding points into schema/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pglast import ast
from psycopg.rows import dict_row

from creo_schema.db import Connection
from creo_schema.errors import Location
from creo_schema.platform import PLATFORM_SCHEMAS
from creo_schema.source.asts import Parsed, dotted
from creo_schema.source.names import DEFAULT_SCHEMA

# Schemas whose objects are never linted: the platform's, PostgreSQL's, this tool's.
NOT_LINTED = sorted(PLATFORM_SCHEMAS | {"pg_catalog", "information_schema", "pg_toast"})

# A SQL condition: the object in namespace `n` is the app's (not the platform's, not an
# extension member). `%(not_linted)s` is bound by `LintContext.rows`.
APP_NAMESPACE = "n.nspname <> all(%(not_linted)s) and n.nspname !~ '^pg_'"


def not_extension_member(oid: str, catalog: str) -> str:
    """SQL: the object is not part of an extension (splinter skips those too)."""
    return (
        f"not exists (select 1 from pg_catalog.pg_depend d where d.objid = {oid} "
        f"and d.classid = '{catalog}'::regclass and d.deptype = 'e')"
    )


@dataclass
class Locator:
    """Declaring statements by object name."""

    parsed: list[Parsed]
    _by_name: dict[str, list[Parsed]] = field(default_factory=dict)
    _policies: dict[tuple[str, str], Parsed] = field(default_factory=dict)
    _about: dict[str, list[Parsed]] | None = None  # made on first use, in source order

    def __post_init__(self) -> None:
        for item in self.parsed:
            for key in item.statement.creates:
                self._by_name.setdefault(key, []).append(item)
            if isinstance(item.node, ast.CreatePolicyStmt):
                assert item.node.policy_name is not None  # the parser names every policy
                self._policies[(relation_key(item.node.table), item.node.policy_name)] = item

    def declaring(self, key: str, input_args: int | None = None) -> Parsed | None:
        """The statement declaring `key` (`public.orders`, `public.f()`, `extension:x`).

        Overloaded functions share a key; `input_args` picks the one with that many inputs.
        """
        found = self._by_name.get(key, [])
        if input_args is not None and len(found) > 1:
            for item in found:
                if _input_args(item.node) == input_args:
                    return item
        return found[0] if found else None

    def location(self, key: str, input_args: int | None = None) -> Location | None:
        item = self.declaring(key, input_args)
        return item.statement.location if item else None

    def policy(self, table: str, name: str) -> Parsed | None:
        return self._policies.get((table, name))

    def policies(self) -> Iterator[Parsed]:
        for item in self.parsed:
            if isinstance(item.node, ast.CreatePolicyStmt):
                yield item

    def about_relation(self, key: str) -> Iterator[Parsed]:
        """Statements that create or alter the relation `key` (CREATE TABLE, ALTER TABLE).

        Indexed on first use: a rule asks once per finding, and a scan of every statement
        each time made a thousand-table schema's lints quadratic."""
        if self._about is None:
            self._about = {}
            for item in self.parsed:
                node = item.node
                target = getattr(node, "relation", None)
                if isinstance(node, ast.CreateStmt | ast.AlterTableStmt) and isinstance(
                    target, ast.RangeVar
                ):
                    self._about.setdefault(relation_key(target), []).append(item)
        yield from self._about.get(key, ())

    def order(self, item: Parsed) -> int:
        """Position in file order (later declarations get the finding of a pair)."""
        return self.parsed.index(item)


@dataclass
class LintContext:
    parsed: list[Parsed]
    conn: Connection | None = None  # to the shadow database, or None (AST rules only)
    exposed_schemas: tuple[str, ...] = ("public",)
    locator: Locator = field(init=False)

    def __post_init__(self) -> None:
        self.locator = Locator(self.parsed)

    def rows(self, query: str, **params: object) -> list[dict[str, Any]]:
        """Run a read-only catalog query on the shadow; `%(exposed)s` and `%(not_linted)s` are
        always bound."""
        if self.conn is None:
            raise ValueError("a rule that reads the catalog ran without a connection")
        bound = {"exposed": list(self.exposed_schemas), "not_linted": NOT_LINTED, **params}
        with self.conn.cursor(row_factory=dict_row) as cursor:
            cursor.execute(query, bound)
            return list(cursor.fetchall())


def relation_key(node: ast.RangeVar | None) -> str:
    assert node is not None  # the parser sets the relation of what reaches here
    return f"{node.schemaname or DEFAULT_SCHEMA}.{node.relname}"


def _input_args(node: ast.Node) -> int | None:
    if not isinstance(node, ast.CreateFunctionStmt):
        return None
    return sum(1 for p in node.parameters or () if p.mode.value in ("i", "b", "v", "d"))


def function_name(node: ast.CreateFunctionStmt) -> str:
    names = dotted(node.funcname)
    return ".".join(names[-2:]) if len(names) > 1 else f"{DEFAULT_SCHEMA}.{names[0]}"
