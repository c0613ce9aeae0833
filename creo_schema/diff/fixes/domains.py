"""Domains, planned from our own catalog: the engine does not create, change or drop them."""

from __future__ import annotations

import re

from creo_schema.diff.fixes._context import Context, ident, normal, qualified
from creo_schema.errors import SafetyError

_EARLY = re.compile(r"^(create schema|create extension|create type|alter type|drop type)\b")


def domains_from_catalog(statements: list[str], context: Context) -> list[str]:
    """CREATE DOMAIN and ALTER DOMAIN go before the tables and functions that use a domain
    (after schemas, extensions and other types); DROP DOMAIN after everything.

    A domain whose base type changes cannot be altered in place: refused, naming it.
    Scenarios: tests/cases/domains/* (create, drop, change_check, set_not_null, set_default,
    used_by_column).
    """
    if not context.has_catalogs:
        return statements
    old = {d.key: d for d in context.current.domains}
    new = {d.key: d for d in context.desired.domains}
    early: list[str] = []
    late: list[str] = []
    for key in sorted(new.keys() - old.keys()):
        early += _create(new[key])
    for key in sorted(old.keys() & new.keys()):
        early += _alter(old[key], new[key])
    for key in sorted(old.keys() - new.keys()):
        late.append(f"drop domain {qualified(old[key].schema, old[key].name)}")
    if not early and not late:
        return statements
    split = 0
    while split < len(statements) and _EARLY.match(normal(statements[split])):
        split += 1
    return statements[:split] + early + statements[split:] + late


def _create(domain: object) -> list[str]:
    d = domain
    name = qualified(d.schema, d.name)  # type: ignore[attr-defined]
    sql = f"create domain {name} as {d.base_type}"  # type: ignore[attr-defined]
    if d.default is not None:  # type: ignore[attr-defined]
        sql += f" default {d.default}"  # type: ignore[attr-defined]
    if d.not_null:  # type: ignore[attr-defined]
        sql += " not null"
    for constraint in d.constraints:  # type: ignore[attr-defined]
        cname, _, definition = constraint.partition(": ")
        sql += f" constraint {ident(cname)} {definition}"
    return [sql]


def _alter(old: object, new: object) -> list[str]:
    o, n = old, new
    name = qualified(n.schema, n.name)  # type: ignore[attr-defined]
    if o.base_type != n.base_type:  # type: ignore[attr-defined]
        raise SafetyError(
            f"domain {n.schema}.{n.name} changes its base type "  # type: ignore[attr-defined]
            f"({o.base_type} -> {n.base_type}): not planned yet",  # type: ignore[attr-defined]
            hint="create a new domain, move the columns to it, then drop the old one",
        )
    out: list[str] = []
    if o.default != n.default:  # type: ignore[attr-defined]
        out.append(
            f"alter domain {name} set default {n.default}"  # type: ignore[attr-defined]
            if n.default is not None  # type: ignore[attr-defined]
            else f"alter domain {name} drop default"
        )
    if o.not_null != n.not_null:  # type: ignore[attr-defined]
        out.append(f"alter domain {name} {'set' if n.not_null else 'drop'} not null")  # type: ignore[attr-defined]
    before = dict(c.partition(": ")[::2] for c in o.constraints)  # type: ignore[attr-defined]
    after = dict(c.partition(": ")[::2] for c in n.constraints)  # type: ignore[attr-defined]
    for cname in sorted(before):
        if before[cname] != after.get(cname):
            out.append(f"alter domain {name} drop constraint {ident(cname)}")
    for cname in sorted(after):
        if before.get(cname) != after[cname]:
            out.append(f"alter domain {name} add constraint {ident(cname)} {after[cname]}")
    return out
