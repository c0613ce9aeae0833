"""`-- creo:renamed-from <old name>` hints: rename instead of drop and add, keeping the data.

On a table, the hint is a comment line just above its CREATE TABLE; on a column, a comment
at the end of the column's line (or on the line just above it) inside the CREATE TABLE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pglast
from pglast import ast

from creo_schema.source.model import SourceSet, Statement
from creo_schema.source.parse import LineIndex

_HINT = re.compile(r"--\s*creo:renamed-from\s+(\S+)")


@dataclass(frozen=True, slots=True)
class Rename:
    schema: str
    table: str  # the table's new (declared) name
    old: str  # the old name: of the table, or of the column when `column` is set
    new: str
    column: bool


def rename_hints(source: SourceSet) -> tuple[Rename, ...]:
    found: list[Rename] = []
    for statement in source.statements:
        if statement.kind != "CreateStmt":
            continue
        node = pglast.parse_sql(statement.sql)[0].stmt
        # A CreateStmt always names its table (pglast's stubs type every field optional).
        assert isinstance(node, ast.CreateStmt) and node.relation is not None
        schema, table = node.relation.schemaname or "public", node.relation.relname
        assert table is not None
        for comment in statement.leading_comments:
            match = _HINT.search("--" + comment)
            if match:
                old = match.group(1).split(".")[-1].strip('"')
                found.append(Rename(schema, table, old, table, column=False))
        found += _column_hints(statement, node, schema, table)
    return tuple(found)


def _column_hints(
    statement: Statement, node: ast.CreateStmt, schema: str, table: str
) -> list[Rename]:
    lines = statement.sql.splitlines()
    index = LineIndex(statement.sql)
    hints = []
    for element in node.tableElts or ():
        if not isinstance(element, ast.ColumnDef) or element.location is None:
            continue
        line, _ = index.line_col(element.location)
        candidates = [lines[line - 1]] + (
            [lines[line - 2]] if line >= 2 and lines[line - 2].lstrip().startswith("--") else []
        )
        for text in candidates:
            match = _HINT.search(text)
            if match:
                assert element.colname is not None  # the parser names every column
                hints.append(
                    Rename(schema, table, match.group(1).strip('"'), element.colname, column=True)
                )
                break
    return hints
