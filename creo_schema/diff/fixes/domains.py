"""Domains, planned from our own catalog: the engine does not create, change or drop them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from creo_schema.diff.fixes._context import Context, ident, normal, qualified
from creo_schema.errors import SafetyError

if TYPE_CHECKING:
    from creo_schema.catalog.model import Domain

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


def _create(domain: Domain) -> list[str]:
    d = domain
    name = qualified(d.schema, d.name)
    sql = f"create domain {name} as {d.base_type}"
    if d.default is not None:
        sql += f" default {d.default}"
    if d.not_null:
        sql += " not null"
    for constraint in d.constraints:
        cname, _, definition = constraint.partition(": ")
        sql += f" constraint {ident(cname)} {definition}"
    return [sql]


def _alter(old: Domain, new: Domain) -> list[str]:
    o, n = old, new
    name = qualified(n.schema, n.name)
    if o.base_type != n.base_type:
        raise SafetyError(
            f"domain {n.schema}.{n.name} changes its base type "
            f"({o.base_type} -> {n.base_type}): not planned yet",
            hint="create a new domain, move the columns to it, then drop the old one",
        )
    out: list[str] = []
    if o.default != n.default:
        out.append(
            f"alter domain {name} set default {n.default}"
            if n.default is not None
            else f"alter domain {name} drop default"
        )
    if o.not_null != n.not_null:
        out.append(f"alter domain {name} {'set' if n.not_null else 'drop'} not null")
    before = dict(c.partition(": ")[::2] for c in o.constraints)
    after = dict(c.partition(": ")[::2] for c in n.constraints)
    for cname in sorted(before):
        if before[cname] != after.get(cname):
            out.append(f"alter domain {name} drop constraint {ident(cname)}")
    for cname in sorted(after):
        if before.get(cname) != after[cname]:
            out.append(f"alter domain {name} add constraint {ident(cname)} {after[cname]}")
    return out
