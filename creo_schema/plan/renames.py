"""Plan declared renames as renames (DESIGN.md: `-- creo:renamed-from`), not drop and add.

A rename applies when the target still has the old name and not yet the new one. The diff
is then computed from a *renamed baseline*: a copy of the target in the shadow with the
renames done, so that the engine sees the renamed objects as unchanged. The migration is
the renames plus that diff; the rollback is the reverse diff plus the renames undone.
"""

from __future__ import annotations

from collections.abc import Iterable

from creo_schema.catalog import CatalogSnapshot, Inspection, Scope, inspect
from creo_schema.db import connect
from creo_schema.diff.effects import EXCLUSIVE
from creo_schema.diff.quote import ident, qualified
from creo_schema.plan.hazards import hazards_of
from creo_schema.plan_document import PlannedStatement
from creo_schema.source.hints import Rename


def applicable(renames: tuple[Rename, ...], current: CatalogSnapshot) -> list[Rename]:
    tables = {(t.schema, t.name) for t in current.relations if t.is_table}
    columns: dict[tuple[str, str], set[str]] = {}
    for column in current.columns:
        columns.setdefault((column.schema, column.table), set()).add(column.name)
    chosen = [
        r
        for r in renames
        if not r.column and (r.schema, r.old) in tables and (r.schema, r.new) not in tables
    ]
    # A column hint names its table by the new name; the target may still have the old one.
    now_named = {(r.schema, r.new): (r.schema, r.old) for r in chosen}
    for rename in renames:
        if rename.column:
            key = (rename.schema, rename.table)
            table = now_named.get(key, key)
            present = columns.get(table, set())
            if table in tables and rename.old in present and rename.new not in present:
                chosen.append(rename)
    return chosen  # table renames first: the column renames name tables by their new names


def forward_sql(rename: Rename) -> str:
    if rename.column:
        return (
            f"alter table {qualified(rename.schema, rename.table)} "
            f"rename column {ident(rename.old)} to {ident(rename.new)}"
        )
    return f"alter table {qualified(rename.schema, rename.old)} rename to {ident(rename.new)}"


def backward_sql(rename: Rename) -> str:
    if rename.column:
        return (
            f"alter table {qualified(rename.schema, rename.table)} "
            f"rename column {ident(rename.new)} to {ident(rename.old)}"
        )
    return f"alter table {qualified(rename.schema, rename.new)} rename to {ident(rename.old)}"


def rename_statements(
    renames: Iterable[Rename], *, backward: bool = False
) -> tuple[PlannedStatement, ...]:
    """The renames as planned statements (`backward`: undone), in the main transaction.
    (Their kind and operation are what plans have always said of them.)"""
    out = []
    for rename in renames:
        # the table as the statement names it (a column's table by its new name)
        table = rename.table if rename.column else (rename.new if backward else rename.old)
        out.append(
            PlannedStatement(
                sql=backward_sql(rename) if backward else forward_sql(rename),
                kind="RenameStmt",
                action="alter",
                operation="RenameStmt",
                target=f"{rename.schema}.{table}",
                table=qualified(rename.schema, table),
                # ALTER TABLE ... RENAME: ACCESS EXCLUSIVE, briefly (the catalog only)
                hazards=tuple(h.value for h in hazards_of(EXCLUSIVE)),
            )
        )
    return tuple(out)


def renamed_baseline(clone_url: str, renames: list[Rename], scope: Scope) -> Inspection:
    """Do the renames on a copy of the target and inspect it (its schemas: the managed
    roles are the target's as read)."""
    with connect(clone_url, autocommit=True) as conn:
        with conn.transaction():
            for rename in renames:
                conn.execute(forward_sql(rename))
        return inspect(conn, scope.without_roles())
