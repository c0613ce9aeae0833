"""Constraint fix-ups."""

from __future__ import annotations

import re

from creo_schema.diff.fixes._context import Context, normal, unquote

_DROP_CONSTRAINT = re.compile(
    r'^alter table (\S+) drop constraint (?:if exists )?"?([^"]+)"?$', re.I
)
_ADD_CONSTRAINT = re.compile(r'^alter table (\S+) add constraint "?([^"\s]+)"? ', re.I)
_VALIDATE = re.compile(r'^alter table (\S+) validate constraint "?([^"]+)"?$', re.I)
_DROP_INDEX = re.compile(r"^drop index (?:concurrently )?(?:if exists )?(\S+)$", re.I)


def foreign_keys_not_rebuilt_for_nothing(statements: list[str], context: Context) -> list[str]:
    """A foreign key is dropped and re-added whenever its table (or the table it references)
    changes at all, e.g. gains a column: a lock and a full validation for nothing.

    The pair is removed when the constraint is the same on both sides and nothing it rests on
    (the referenced table's key constraints or unique indexes, its columns) is dropped by the
    plan. Scenarios: tests/cases/constraints/foreign_key_kept_when_table_gains_column,
    constraints/foreign_key_kept_when_referenced_gains_column.
    """
    if not context.has_catalogs:
        return statements
    before = {c.key: c for c in context.current.constraints if c.kind == "foreign key"}
    after = {c.key: c for c in context.desired.constraints if c.kind == "foreign key"}
    unchanged = {k for k in before.keys() & after.keys() if before[k] == after[k]}
    if not unchanged:
        return statements
    disturbed = _disturbed_tables(statements, context)
    keep_out: set[str] = set()
    for key in unchanged:
        fk = before[key]
        if f"{fk.ref_schema}.{fk.ref_table}" in disturbed or f"{fk.schema}.{fk.table}" in (
            disturbed
        ):
            continue
        keep_out.add(key)
    out = []
    for sql in statements:
        text = normal(sql)
        for pattern in (_DROP_CONSTRAINT, _ADD_CONSTRAINT, _VALIDATE):
            m = pattern.match(text)
            if m and f"{unquote(m.group(1))}.{m.group(2)}" in keep_out:
                break
        else:
            out.append(sql)
    return out


def _disturbed_tables(statements: list[str], context: Context) -> set[str]:
    """Tables whose keys or unique indexes the plan drops, or which it drops (then the
    engine's rebuild of the foreign keys on them is needed). A dropped column that a foreign
    key uses changes the key itself, so it never counts as unchanged."""
    keys = {
        c.key: c
        for c in context.current.constraints
        if c.kind in ("primary key", "unique", "exclusion")
    }
    unique_indexes = {i.key: f"{i.schema}.{i.table}" for i in context.current.indexes if i.unique}
    out: set[str] = set()
    for sql in statements:
        text = normal(sql)
        if (m := _DROP_CONSTRAINT.match(text)) and (f"{unquote(m.group(1))}.{m.group(2)}" in keys):
            out.add(unquote(m.group(1)))
        if (m := _DROP_INDEX.match(text)) and unquote(m.group(1)) in unique_indexes:
            out.add(unique_indexes[unquote(m.group(1))])
        if text.startswith("drop table "):
            out.add(unquote(text.split()[-1]))
    return out
