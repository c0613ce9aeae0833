"""Data-aware proof: will a statement fail on the rows the database holds?

A plan is proven on schemas, not rows: adding a NOT NULL column with no default proves fine
on an empty copy and fails on a table with rows. So every change that can fail on existing
rows gets a read-only query that counts the rows in its way: NULLs under SET NOT NULL, rows
under a new NOT NULL column without a default, values a narrower or other type cannot hold,
rows breaking a new CHECK, duplicates under a new UNIQUE or primary key, orphans under a
new foreign key, overlaps under a new exclusion constraint, rows still using an enum label
that goes. The queries travel with the plan (PlannedStatement.checks): `plan` runs them
against the target before showing it, `apply` again just before running it, `rollback`
before its own statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import psycopg

from creo_schema.db import Connection, one_row
from creo_schema.diff.change import Change
from creo_schema.diff.effects import (
    ConstraintHolds,
    NewColumnNeedsValues,
    NoNulls,
    SequenceRestarts,
    UniqueIndexHolds,
    ValuesConvert,
)
from creo_schema.diff.quote import ident, literal
from creo_schema.plan_document import DataCheck, PlannedStatement

EnumLabels = Callable[[str], tuple[str, ...] | None]
_COLUMN = re.compile(r'[a-z_][a-z0-9_$]*|"(?:[^"]|"")+"')

_INTEGER_RANGES = {
    "smallint": (-32768, 32767),
    "integer": (-2147483648, 2147483647),
    "bigint": (-9223372036854775808, 9223372036854775807),
}
_STRING_TYPES = ("text", "character varying", "character", "varchar", "bpchar")


def checks_for(change: Change, enum_labels: EnumLabels, major: int) -> tuple[DataCheck, ...]:
    """The row checks of one change (none for most): what its writer says the rows must
    hold (diff/effects.py), as counts of the rows that do not."""
    rows = change.effects.rows
    if isinstance(rows, SequenceRestarts):
        return (
            DataCheck(
                sql=f"select count(*) from {rows.sequence} where is_called",
                message=f"sequence {rows.sequence} has already handed out values: restarting "
                f"it at {rows.start} (its new bounds need it) could hand them out again",
            ),
        )
    if rows is None or not change.table.startswith("table:"):
        return ()
    table = change.table.partition(":")[2]
    if isinstance(rows, NewColumnNeedsValues):
        return (
            DataCheck(
                sql=f"select count(*) from {table}",
                message=f"{{count}} rows of {table} would have no value in the new NOT NULL "
                f"column {ident(rows.column)} (it has no default)",
            ),
        )
    if isinstance(rows, NoNulls):
        column = ident(rows.column)
        return (
            DataCheck(
                sql=f"select count(*) from {table} where {column} is null",
                message=f"{{count}} rows of {table} have NULL in {column}",
            ),
        )
    if isinstance(rows, ValuesConvert):
        return _type_checks(table, rows, enum_labels, major)
    if isinstance(rows, ConstraintHolds):
        return _constraint_checks(table, rows)
    if isinstance(rows, UniqueIndexHolds):
        return _unique_index_checks(table, rows)
    return ()


def _unique_index_checks(table: str, index: UniqueIndexHolds) -> tuple[DataCheck, ...]:
    columns = [c for c in index.columns if c is not None]
    if not columns or len(columns) != len(index.columns):
        return ()  # an expression key: the build itself is the check
    return (_duplicates(table, columns, index.predicate, "unique index " + ident(index.name)),)


def _type_checks(
    table: str, facts: ValuesConvert, enum_labels: EnumLabels, major: int
) -> tuple[DataCheck, ...]:
    column = ident(facts.column)
    new = facts.new_type
    array = new.endswith("[]")
    base = new.removesuffix("[]")
    where = f"rows of {table} have a value in {column} that {new} cannot hold"
    labels = enum_labels(base)
    if labels is not None:
        return (_enum_check(table, column, base, labels, array),)
    if array:
        return (_runs(table, column, new, where),)
    bounds = _bounds_check(table, column, facts.old_type, new)
    if bounds is not None:
        return (bounds,)
    old_base = facts.old_type.split("(")[0]
    if old_base in _STRING_TYPES and major >= 16:
        return (
            DataCheck(
                sql=f"select count(*) from {table} where {column} is not null "
                f"and not pg_input_is_valid({column}::text, {literal(new)})",
                message=f"{{count}} rows of {table} have a value in {column} that is not a valid {new}",
            ),
        )
    if old_base in _STRING_TYPES or facts.using:
        return (_runs(table, column, new, where),)
    return ()


def _enum_check(
    table: str, column: str, enum: str, labels: tuple[str, ...], array: bool
) -> DataCheck:
    """The rows whose value (or an element of it) is not a label of `enum`."""
    allowed = ", ".join(literal(label) for label in labels) or "null"
    test = (
        f"not ({column}::text[] <@ array[{allowed}]::text[])"
        if array
        else f"{column}::text not in ({allowed})"
    )
    return DataCheck(
        sql=f"select count(*) from {table} where {column} is not null and {test}",
        message=f"{{count}} rows of {table} have a value in {column} that is not a label of {enum}",
    )


def _bounds_check(table: str, column: str, old: str, new: str) -> DataCheck | None:
    """The rows too long for a character type's length, or out of an integer type's range
    or a numeric's precision (these two not from a string type, whose values are judged by
    whether they convert at all)."""
    name, _, mods = new.partition("(")
    numbers = [int(m) for m in mods.rstrip(")").split(",") if m.strip().isdigit()] if mods else []
    if name in ("character varying", "character") and numbers:
        return DataCheck(
            sql=f"select count(*) from {table} where length({column}::text) > {numbers[0]}",
            message=f"{{count}} rows of {table} have a value in {column} longer than "
            f"{numbers[0]} characters",
        )
    old_base = old.split("(")[0]
    if name in _INTEGER_RANGES and old_base not in _STRING_TYPES:
        low, high = _INTEGER_RANGES[name]
        return DataCheck(
            sql=f"select count(*) from {table} where {column}::numeric not between {low} and {high}",
            message=f"{{count}} rows of {table} have a value in {column} outside the range of {name}",
        )
    if name == "numeric" and numbers and old_base not in _STRING_TYPES:
        precision, scale = numbers[0], (numbers[1] if len(numbers) > 1 else 0)
        return DataCheck(
            sql=f"select count(*) from {table} where abs(round({column}::numeric, {scale})) "
            f">= 10::numeric ^ {precision - scale}",
            message=f"{{count}} rows of {table} have a value in {column} too large for {new}",
        )
    return None


def _runs(table: str, column: str, new: str, message: str) -> DataCheck:
    """A check that passes when the conversion runs over every row (no count to give)."""
    return DataCheck(
        # count(expression) evaluates the cast on every row (count(*) over a sub-select
        # would let the planner skip a column nothing reads).
        sql=f"select count({column}::{new}) * 0 from {table}",
        message=f"some {message}",
    )


def _constraint_checks(table: str, facts: ConstraintHolds) -> tuple[DataCheck, ...]:
    kind = facts.kind
    name = ident(facts.name)
    definition = facts.definition
    columns = facts.columns
    if kind == "check":
        expression = definition.removeprefix("CHECK ").removesuffix(" NO INHERIT")
        return (
            DataCheck(
                sql=f"select count(*) from {table} where not {expression}",
                message=f"{{count}} rows of {table} break the new check {name}: {expression}",
            ),
        )
    if kind in ("unique", "primary key") and columns:
        checks = [
            _duplicates(
                table,
                columns,
                None,
                f"{kind} {name}",
                nulls_distinct="NULLS NOT DISTINCT" not in definition,
            )
        ]
        if kind == "primary key":
            nulls = " or ".join(f"{ident(c)} is null" for c in columns)
            checks.append(
                DataCheck(
                    sql=f"select count(*) from {table} where {nulls}",
                    message=f"{{count}} rows of {table} have NULL in the new primary key {name}",
                )
            )
        return tuple(checks)
    if kind == "foreign key":
        return _orphans(table, facts, name)
    if kind == "exclusion":
        return _overlaps(table, definition, name)
    return ()


def _duplicates(
    table: str,
    columns: Sequence[str],
    predicate: str | None,
    what: str,
    *,
    nulls_distinct: bool = True,
) -> DataCheck:
    keys = ", ".join(ident(c) for c in columns)
    conditions = [f"{ident(c)} is not null" for c in columns] if nulls_distinct else []
    if predicate:
        conditions.append(predicate)
    where = f" where {' and '.join(conditions)}" if conditions else ""
    return DataCheck(
        sql=f"select coalesce(sum(n), 0) from (select count(*) as n from {table}{where} "
        f"group by {keys} having count(*) > 1) duplicates",
        message=f"{{count}} rows of {table} share their ({keys}) with another row: the new "
        f"{what} would refuse them",
    )


def _orphans(table: str, facts: ConstraintHolds, name: str) -> tuple[DataCheck, ...]:
    definition = facts.definition
    columns = facts.columns
    # FOREIGN KEY (a, b) REFERENCES schema.table(x, y) ...: the referenced table is printed
    # qualified (the catalog is read with an empty search path).
    referenced = definition.partition(" REFERENCES ")[2].partition("(")
    target = referenced[0].strip()
    target_columns = [c.strip() for c in referenced[2].partition(")")[0].split(",")]
    if not target or len(target_columns) != len(columns):
        return ()
    present = " and ".join(f"child.{ident(c)} is not null" for c in columns)
    join = " and ".join(
        f"parent.{theirs} = child.{ident(ours)}"
        for ours, theirs in zip(columns, target_columns, strict=True)
    )
    return (
        DataCheck(
            sql=f"select count(*) from {table} child where {present} and not exists "
            f"(select from {target} parent where {join})",
            message=f"{{count}} rows of {table} reference rows of {target} that do not exist: "
            f"the new foreign key {name} would refuse them",
        ),
    )


def _overlaps(table: str, definition: str, name: str) -> tuple[DataCheck, ...]:
    """EXCLUDE USING gist (a WITH =, b WITH &&): pairs of rows that conflict. Only plain
    columns are checked; an expression element leaves the check to the build."""
    inside = definition.partition("(")[2].rpartition(")")[0]
    if " WHERE " in definition or not inside:
        return ()
    conditions = []
    for element in inside.split(", "):
        column, _, operator = element.partition(" WITH ")
        column = column.strip()
        if not operator or not _COLUMN.fullmatch(column):
            return ()
        conditions.append(f"a.{column} {operator.strip()} b.{column}")
    return (
        DataCheck(
            sql=f"select count(*) from {table} a join {table} b on a.ctid < b.ctid and "
            + " and ".join(conditions),
            message=f"{{count}} pairs of rows of {table} conflict under the new exclusion "
            f"constraint {name}",
        ),
    )


def failing_checks(conn: Connection, statements: Iterable[PlannedStatement]) -> list[str]:
    """Run every statement's checks read-only; the messages of those that fail."""
    problems: list[str] = []
    with conn.transaction():
        conn.execute("set transaction read only")
        for statement in statements:
            for check in statement.checks:
                try:
                    with conn.transaction():
                        count = one_row(conn.execute(check.sql))[0]
                except psycopg.Error as error:
                    if not _about_the_rows(error):
                        # A table, column, type or function the plan creates before this
                        # statement: nothing of it is there to check yet.
                        continue
                    first = (error.diag.message_primary or str(error)).splitlines()[0]
                    problems.append(check.message.replace("{count}", "some") + f" ({first})")
                    continue
                if count:
                    problems.append(worded(check.message, int(count)))
    return problems


_SINGULAR = (
    ("{count} rows of", "1 row of"),
    ("{count} pairs of rows", "1 pair of rows"),
    (" have ", " has "),
    (" share ", " shares "),
    (" reference ", " references "),
    (" break ", " breaks "),
    (" conflict ", " conflicts "),
)


def worded(message: str, count: int) -> str:
    """The message with its count, in the singular where the count is one."""
    if count != 1:
        return message.replace("{count}", str(count))
    message = message.replace(" would have ", " \0 ")  # a verb that stays as it is
    for plural, singular in _SINGULAR:
        message = message.replace(plural, singular, 1)
    return message.replace(" \0 ", " would have ").replace("{count}", "1")


def _about_the_rows(error: psycopg.Error) -> bool:
    """A data exception (class 22: a value that does not convert) or an integrity one
    (class 23) is the rows' answer; anything else (class 42: an object not there yet) is
    not."""
    state = error.diag.sqlstate or ""
    return state.startswith(("22", "23"))
