"""Enum fix-ups: results reports an enum both as an enum and as a type."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from creo_schema.diff.fixes._context import Context, literal, normal, qualified, unquote

if TYPE_CHECKING:
    from creo_schema.catalog.model import Enum, View

_CREATE_ENUM = re.compile(r"^create type (\S+) as enum", re.I)
_DROP_TYPE = re.compile(r"^drop type (?:if exists )?(\S+)$", re.I)
_RENAME_OLD = re.compile(
    r'^alter type (\S+) rename to "?([\w$]+)__old_version_to_be_dropped"?$', re.I
)
_DROP_OLD = re.compile(r'^drop type (?:if exists )?(\S+)__old_version_to_be_dropped"?$', re.I)
_RECAST = re.compile(r"^alter table (\S+) alter column (\S+) type (\S+) using ", re.I)
_DEFAULT = re.compile(r"^alter table (\S+) alter column (\S+) (?:drop|set) default", re.I)


def _enum_names(context: Context) -> tuple[set[str], set[str]]:
    current = {e.key for e in context.current.enums} if context.has_catalogs else set()
    desired = {e.key for e in context.desired.enums} if context.has_catalogs else set()
    return current, desired


def enum_statements_once(statements: list[str], context: Context) -> list[str]:
    """An enum is created (or dropped) twice: once as an enum and once as a type.

    The second `create type` fails ("already exists"); the first `drop type` runs before the
    tables using the type are dropped. And a changed enum gets a stray `drop type` +
    `create type` before the engine's own rebuild, which fails while a column uses it.
    Kept: the first create, the last drop, and no stray pair for a changed enum.
    Scenarios: tests/cases/enums/create, enums/drop, enums/two_types_one_table, enums/add_value.
    """
    current, desired = _enum_names(context)
    changed = current & desired
    out: list[str] = []
    for i, sql in enumerate(statements):
        text = normal(sql)
        create = _CREATE_ENUM.match(text)
        drop = _DROP_TYPE.match(text)
        if drop and unquote(drop.group(1)) in changed:
            following = normal(statements[i + 1]) if i + 1 < len(statements) else ""
            if following.startswith(f"create type {drop.group(1)} as enum"):
                continue  # the stray pair: its create is skipped below, once renamed first
        if create and unquote(create.group(1)) in changed:
            previous = normal(statements[i - 1]) if i else ""
            if previous == f"drop type {create.group(1)}":
                continue
        if create and any(normal(s) == text for s in out):
            continue
        if drop and any(normal(s) == text for s in statements[i + 1 :]):
            continue
        out.append(sql)
    return out


def enum_values_added_in_place(statements: list[str], context: Context) -> list[str]:
    """A new enum value is done by rebuilding the type (rename, create, recast every column,
    drop the old one): that fails when a view uses the type, and rewrites every table.

    When the old labels all remain, in the same order, `ALTER TYPE ... ADD VALUE` (with
    BEFORE/AFTER to keep the order) replaces the rebuild. A removed or reordered value still
    needs the rebuild.
    Scenarios: tests/cases/enums/add_value, enums/add_value_before, enums/add_value_under_view.
    """
    if not context.has_catalogs:
        return statements
    old = {e.key: e.labels for e in context.current.enums}
    new = {e.key: e for e in context.desired.enums}
    additive = {
        key
        for key, labels in old.items()
        if key in new and labels != new[key].labels and _is_subsequence(labels, new[key].labels)
    }
    if not additive:
        return statements
    recast_columns: set[tuple[str, str]] = set()
    for sql in statements:
        m = _RECAST.match(normal(sql))
        if m and unquote(m.group(3)) in additive:
            recast_columns.add((unquote(m.group(1)), unquote(m.group(2))))
    out: list[str] = []
    for sql in statements:
        text = normal(sql)
        if (m := _RENAME_OLD.match(text)) and unquote(m.group(1)) in additive:
            out += _add_values(old[unquote(m.group(1))], new[unquote(m.group(1))])
            continue
        if (m := _CREATE_ENUM.match(text)) and unquote(m.group(1)) in additive:
            continue
        if (m := _DROP_OLD.match(text)) and unquote(m.group(1)) in additive:
            continue
        if (m := _RECAST.match(text)) and unquote(m.group(3)) in additive:
            continue
        if (m := _DEFAULT.match(text)) and (
            unquote(m.group(1)),
            unquote(m.group(2)),
        ) in recast_columns:
            continue
        out.append(sql)
    return out


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(label in it for label in short)


def _add_values(old: tuple[str, ...], enum: Enum) -> list[str]:
    labels = enum.labels
    name = qualified(enum.schema, enum.name)
    present = set(old)
    out = []
    for i, label in enumerate(labels):
        if label in present:
            continue
        if i > 0:
            where = f" after {literal(labels[i - 1])}"
        else:
            where = f" before {literal(next(x for x in labels if x in present))}"
        out.append(f"alter type {name} add value {literal(label)}{where}")
        present.add(label)
    return out


def enum_rebuild_around_views(statements: list[str], context: Context) -> list[str]:
    """An enum that loses (or reorders) a value is rebuilt and every column of it recast;
    PostgreSQL refuses the recast while a view uses the column ("cannot alter type of a
    column used by a view or rule"), and the engine leaves the views in place.

    The views that depend (directly or through other views) on the enum or on a recast table
    are dropped before the rebuild and created again after it, from the desired definitions.
    Scenario: tests/cases/enums/add_value_under_view (its rollback removes the value).
    """
    if not context.has_catalogs:
        return statements
    rebuilt = [
        (i, unquote(m.group(1)))
        for i, sql in enumerate(statements)
        if (m := _RENAME_OLD.match(normal(sql)))
    ]
    if not rebuilt:
        return statements
    tables = {unquote(m.group(1)) for s in statements if (m := _RECAST.match(normal(s)))}
    roots = {f"type {t}" for _, t in rebuilt} | {f"table {t}" for t in tables}
    needs: dict[str, set[str]] = {}
    for d in context.current.dependencies:
        needs.setdefault(d.dependent, set()).add(d.referenced)
    affected: list[str] = []  # views, dependencies first
    changed = True
    while changed:
        changed = False
        for dependent, referenced in needs.items():
            if (
                dependent.startswith("view ")
                and dependent not in affected
                and referenced & (roots | set(affected))
            ):
                affected.append(dependent)
                changed = True
    desired_views = {f"view {v.schema}.{v.name}": v for v in context.desired.views}
    already = {unquote(name) for s in statements if (name := _dropped_view(s))}
    views = [
        desired_views[v]
        for v in affected
        if v in desired_views and v.removeprefix("view ") not in already
    ]
    views = [v for v in views if not v.materialized]
    if not views:
        return statements
    first = rebuilt[0][0]
    last = max(
        (i for i, s in enumerate(statements) if _DROP_OLD.match(normal(s))),
        default=len(statements) - 1,
    )
    drops = [f"drop view {qualified(v.schema, v.name)}" for v in reversed(views)]
    creates = [_create_view(v) for v in views]
    return (
        statements[:first] + drops + statements[first : last + 1] + creates + statements[last + 1 :]
    )


def _dropped_view(sql: str) -> str | None:
    m = re.match(r"^drop view (?:if exists )?(\S+)", normal(sql))
    return m.group(1) if m else None


def _create_view(view: View) -> str:
    v = view
    options = f" with ({', '.join(v.options)})" if v.options else ""
    body = v.definition.strip().rstrip(";")
    return f"create view {qualified(v.schema, v.name)}{options} as {body}"
