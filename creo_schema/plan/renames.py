"""Plan declared renames as renames (DESIGN.md: `-- creo:renamed-from`), not drop and add.

A rename applies when the target still has the old name and not yet the new one. The diff
is then computed from a *renamed baseline*: a copy of the target in the shadow with the
renames done, so that the engine sees the renamed objects as unchanged. The migration is
the renames plus that diff; the rollback is the reverse diff plus the renames undone.
"""

from __future__ import annotations

from creo_schema.db import connect
from creo_schema.diff.engine import Inspected, inspect
from creo_schema.source.hints import Rename


def applicable(renames: tuple[Rename, ...], current: Inspected) -> list[Rename]:
    tables = {(t.schema, t.name): t for t in current.engine.tables.values()}
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
            table = tables.get(now_named.get(key, key))
            if (
                table is not None
                and rename.old in table.columns
                and rename.new not in table.columns
            ):
                chosen.append(rename)
    return chosen  # table renames first: the column renames name tables by their new names


def forward_sql(rename: Rename) -> str:
    if rename.column:
        return f'alter table "{rename.schema}"."{rename.table}" rename column "{rename.old}" to "{rename.new}"'
    return f'alter table "{rename.schema}"."{rename.old}" rename to "{rename.new}"'


def backward_sql(rename: Rename) -> str:
    if rename.column:
        return f'alter table "{rename.schema}"."{rename.table}" rename column "{rename.new}" to "{rename.old}"'
    return f'alter table "{rename.schema}"."{rename.new}" rename to "{rename.old}"'


def renamed_baseline(
    clone_url: str, renames: list[Rename], schemas: tuple[str, ...], extensions: tuple[str, ...]
) -> Inspected:
    """Do the renames on a copy of the target and inspect it."""
    with connect(clone_url, autocommit=True) as conn:
        with conn.transaction():
            for rename in renames:
                conn.execute(forward_sql(rename))
        return inspect(conn, schemas, extensions)
