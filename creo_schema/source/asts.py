"""The pglast AST of each statement, and a plain walk over it, for `validate` and the lints.

`Statement` keeps text, not trees (it must stay cheap to hash and compare); the rules that
need the tree get it from `parse_text`, which parses each file once per process. Node `location`s are then character offsets into the
file's text (pglast converts libpg_query's byte offsets), which `locate` turns into line:col.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pglast
from pglast import ast

from creo_schema.errors import Location
from creo_schema.source.model import SourceSet, Statement
from creo_schema.source.parse import LineIndex, parse_text


@dataclass(frozen=True, slots=True)
class Parsed:
    """A statement with its AST node and the text index of its file."""

    statement: Statement
    node: ast.Node
    index: LineIndex

    def locate(
        self, node: ast.Node | None = None, ancestors: tuple[ast.Node, ...] = ()
    ) -> Location:
        """Where `node` starts (a node's `location` is an offset into the file's text).

        Some nodes carry no location (pglast leaves constants without one): the nearest
        ancestor that has one stands in.
        """
        offset = None
        for candidate in (node, *reversed(ancestors)):
            offset = getattr(candidate, "location", None) if candidate is not None else None
            if offset is not None and offset >= 0:
                break
        if offset is None or offset < 0:
            return self.statement.location
        line, column = self.index.line_col(offset)
        return Location(self.statement.location.file, line, column)


def parsed_statements(source: SourceSet) -> list[Parsed]:
    """Every statement of `source` with its AST, in file order (not load order).

    Statements are matched to the reparsed ones by file and offset; a file that no longer
    parses (it changed on disk meanwhile) contributes nothing.
    """
    by_place = {(s.location.file, s.offset): s for s in source.statements}
    out: list[Parsed] = []
    for source_file in source.files:
        index = LineIndex(source_file.text)
        try:
            raws = parse_text(source_file.text)
        except pglast.parser.ParseError:
            continue
        for raw in raws:
            statement = by_place.get((source_file.path, raw.stmt_location or 0))
            if statement is not None:
                out.append(Parsed(statement, raw.stmt, index))
    return out


def walk(
    node: ast.Node | tuple[Any, ...] | list[Any] | None, ancestors: tuple[ast.Node, ...] = ()
) -> Iterator[tuple[ast.Node, tuple[ast.Node, ...]]]:
    """Every AST node below `node` (itself included), with its ancestors, depth first."""
    if isinstance(node, list | tuple):
        for item in node:
            yield from walk(item, ancestors)
        return
    if not isinstance(node, ast.Node):
        return
    yield node, ancestors
    inner = (*ancestors, node)
    # A node iterates over its field names (its class's __slots__).
    for name in node:
        value = getattr(node, name, None)
        if isinstance(value, ast.Node | list | tuple):
            yield from walk(value, inner)


def dotted(names: Iterable[ast.Node] | None) -> list[str]:
    """A name given as a tuple of String nodes, as plain strings."""
    return [getattr(n, "sval", str(n)) for n in names or ()]
