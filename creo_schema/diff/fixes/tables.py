"""Table fix-ups planned from our own catalog."""

from __future__ import annotations

from creo_schema.diff.fixes._context import Context, dropped_names, gone, qualified


def storage_parameters_from_catalog(statements: list[str], context: Context) -> list[str]:
    """The engine ignores a table's storage parameters (`WITH (fillfactor = 80)`):
    `ALTER TABLE ... SET (...)` / `RESET (...)` for tables on both sides.
    Scenario: tests/cases/tables/storage_parameters.
    """
    if not context.has_catalogs:
        return statements
    old = {r.key: r for r in context.current.relations if r.is_table}
    new = {r.key: r for r in context.desired.relations if r.is_table}
    dropped = dropped_names(statements)
    out = list(statements)
    for key in sorted(old.keys() & new.keys()):
        if gone(key, dropped):
            continue
        before = dict(o.partition("=")[::2] for o in old[key].options)
        after = dict(o.partition("=")[::2] for o in new[key].options)
        name = qualified(new[key].schema, new[key].name)
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        removed = sorted(before.keys() - after.keys())
        if changed:
            settings = ", ".join(f"{k} = {v}" for k, v in sorted(changed.items()))
            out.append(f"alter table {name} set ({settings})")
        if removed:
            out.append(f"alter table {name} reset ({', '.join(removed)})")
    return out
