"""Reference data: declared rows (INSERTs in schema/data/) compared by primary key.

The desired rows are read back from the shadow, where the declared INSERTs ran, so values
come out exactly as PostgreSQL stores them (jsonb normalised, numerics scaled). Rows the
target lacks are inserted, declared columns that differ are updated; rows nobody declared
are left alone. The rollback deletes what was inserted and restores what was updated.

Each row statement is typed (`RowChange`): the table it writes, whether it inserts, updates
or deletes, and its effects (a deleted row is data lost: diff/effects.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pglast
from pglast import ast

from creo_schema.catalog.differences import FieldChange
from creo_schema.db import Connection, one_row
from creo_schema.diff.effects import NONE, Effects
from creo_schema.diff.quote import ident, literal, qualified
from creo_schema.errors import InputError, Location
from creo_schema.source.model import SourceSet

SEPARATOR = "\x1f"


@dataclass(frozen=True)
class DeclaredData:
    schema: str
    table: str
    columns: tuple[str, ...]  # declared columns, in first-declared order; () = all columns
    location: Location

    @property
    def qualified(self) -> str:
        return qualified(self.schema, self.table)


RowAction = Literal["insert", "update", "delete"]


@dataclass(frozen=True, slots=True)
class RowChange:
    """One statement writing declared rows."""

    action: RowAction
    schema: str
    table: str  # the table's name, unquoted
    sql: str

    @property
    def effects(self) -> Effects:
        # the rows deleted are gone (the rollback of an insert deletes what it inserted)
        return _DELETES if self.action == "delete" else NONE


_DELETES = Effects(deletes_data=True)


@dataclass(frozen=True, slots=True)
class RowDiff:
    """One declared row the target lacks (`create`) or holds otherwise (`alter`): what
    drift says of it, read from the rows themselves, never from the statements."""

    table: str  # schema.name
    key: tuple[tuple[str, str | None], ...]  # its primary key: column, value as text
    action: Literal["create", "alter"]
    # The declared columns that differ: the target's value, the declared one (as text).
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class DataChanges:
    up: list[RowChange]
    down: list[RowChange]
    # The rows that differ, one per statement of `up`, in its order.
    rows: tuple[RowDiff, ...] = ()


@dataclass(frozen=True)
class DesiredRows:
    """The declared rows of one table as the shadow stored them (cacheable: plain data)."""

    data: DeclaredData
    columns: tuple[str, ...]
    keys: tuple[str, ...]
    types: dict[str, str]
    rows: dict[tuple[Any, ...], dict[str, str | None]]


def declared_data(source: SourceSet) -> list[DeclaredData]:
    """One entry per table that has declared rows, columns merged over its INSERTs."""
    merged: dict[tuple[str, str], DeclaredData] = {}
    for statement in source.statements:
        if statement.kind != "InsertStmt":
            continue
        node = pglast.parse_sql(statement.sql)[0].stmt
        # An INSERT always names its table (pglast's stubs type every field optional).
        assert isinstance(node, ast.InsertStmt) and node.relation is not None
        assert node.relation.relname is not None
        key = (node.relation.schemaname or "public", node.relation.relname)
        columns = tuple(target.name for target in node.cols or ())
        location = statement.location
        if key in merged:
            known = merged[key].columns
            columns = (
                known + tuple(c for c in columns if c not in known) if known and columns else ()
            )
            location = merged[key].location
        merged[key] = DeclaredData(key[0], key[1], columns, location)
    return list(merged.values())


def read_desired(desired: Connection, declared: list[DeclaredData]) -> list[DesiredRows]:
    """Read the declared rows back from the shadow they were loaded into."""
    out = []
    for data in declared:
        types = _column_types(desired, data)
        keys = _primary_key(desired, data)
        columns = list(data.columns or types)
        columns = [k for k in keys if k not in columns] + columns
        rows = _rows(desired, data, columns, keys, None)
        out.append(DesiredRows(data, tuple(columns), tuple(keys), types, rows))
    return out


def data_changes(desired: list[DesiredRows], target: Connection) -> DataChanges:
    up: list[RowChange] = []
    down: list[RowChange] = []
    rows: list[RowDiff] = []
    for table in desired:
        table_up, table_down, table_rows = _table_changes(table, target)
        up += table_up
        down = table_down + down
        rows += table_rows
    return DataChanges(up, down, tuple(rows))


def _table_changes(
    desired: DesiredRows, target: Connection
) -> tuple[list[RowChange], list[RowChange], list[RowDiff]]:
    data, types, keys, wanted = desired.data, desired.types, list(desired.keys), desired.rows
    columns = list(desired.columns)
    target_columns = set(_column_types(target, data)) if _exists(target, data) else set()
    present_columns = [c for c in columns if c in target_columns]
    have = (
        _rows(target, data, present_columns, keys, list(wanted))
        if set(keys) <= target_columns
        else {}
    )
    up: list[RowChange] = []
    down: list[RowChange] = []
    rows: list[RowDiff] = []
    table = f"{data.schema}.{data.table}"

    def row(action: RowAction, sql: str) -> RowChange:
        return RowChange(action, data.schema, data.table, sql)

    for pk, wanted_row in wanted.items():
        where = " and ".join(f"{ident(k)} = {_literal(wanted_row[k], types[k])}" for k in keys)
        key = tuple((k, wanted_row[k]) for k in keys)
        current = have.get(pk)
        if current is None:
            rows.append(RowDiff(table, key, "create"))
            names = ", ".join(ident(c) for c in columns)
            values = ", ".join(_literal(wanted_row[c], types[c]) for c in columns)
            up.append(row("insert", f"insert into {data.qualified} ({names}) values ({values})"))
            down.append(row("delete", f"delete from {data.qualified} where {where}"))
            continue
        changed = [
            c
            for c in columns
            if c not in keys and (c not in current or current[c] != wanted_row[c])
        ]
        if changed:
            fields = tuple(FieldChange(c, current.get(c), wanted_row[c]) for c in changed)
            rows.append(RowDiff(table, key, "alter", fields))
            sets = ", ".join(f"{ident(c)} = {_literal(wanted_row[c], types[c])}" for c in changed)
            up.append(row("update", f"update {data.qualified} set {sets} where {where}"))
            restore = [c for c in changed if c in current]
            if restore:
                back = ", ".join(f"{ident(c)} = {_literal(current[c], types[c])}" for c in restore)
                down.append(row("update", f"update {data.qualified} set {back} where {where}"))
    return up, down, rows


def _exists(conn: Connection, data: DeclaredData) -> bool:
    row = one_row(conn.execute("select to_regclass(%s) is not null", (data.qualified,)))
    return bool(row[0])


def _column_types(conn: Connection, data: DeclaredData) -> dict[str, str]:
    rows = conn.execute(
        "select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a "
        "where a.attrelid = to_regclass(%s) and a.attnum > 0 and not a.attisdropped "
        "and a.attgenerated = '' order by a.attnum",
        (data.qualified,),
    ).fetchall()
    return {name: type_ for name, type_ in rows}


def _primary_key(conn: Connection, data: DeclaredData) -> list[str]:
    rows = conn.execute(
        "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid "
        "and a.attnum = any(i.indkey) where i.indrelid = to_regclass(%s) and i.indisprimary "
        "order by array_position(i.indkey, a.attnum)",
        (data.qualified,),
    ).fetchall()
    if not rows:
        raise InputError(
            f"reference data for {data.schema}.{data.table} needs a primary key to compare rows by",
            location=data.location,
        )
    return [r[0] for r in rows]


def _rows(
    conn: Connection,
    data: DeclaredData,
    columns: list[str],
    keys: list[str],
    only: list[tuple[Any, ...]] | None,
) -> dict[tuple[Any, ...], dict[str, str | None]]:
    """Rows as text, keyed by their primary key values; only the given keys when asked."""
    if not columns:
        return {}
    select = ", ".join(f"{ident(c)}::text" for c in columns)
    query = f"select {select} from {data.qualified}"
    params: tuple[Any, ...] = ()
    if only is not None:
        key_text = " || chr(31) || ".join(f"coalesce({ident(k)}::text, '')" for k in keys)
        query += f" where {key_text} = any(%s)"
        params = ([SEPARATOR.join(str(v) for v in pk) for pk in only],)
    rows = conn.execute(query, params).fetchall()
    out: dict[tuple[Any, ...], dict[str, str | None]] = {}
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        out[tuple(record[k] for k in keys)] = record
    return out


def _literal(value: str | None, type_: str) -> str:
    if value is None:
        return f"null::{type_}"
    return f"{literal(value)}::{type_}"
