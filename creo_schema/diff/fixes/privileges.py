"""Privileges, planned from our own catalog instead of the engine.

The engine reads table grants only (information_schema.role_table_grants), so it misses
column, function, procedure, sequence, type and schema privileges, grants on views, the
grant option, and MAINTAIN (PostgreSQL 17+) inside GRANT ALL; and a dropped-and-recreated
object silently loses its grants. Our catalog spells out every ACL (defaults included), so
the plan is the difference of the two ACL sets.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from creo_schema.diff.fixes._context import Context, dropped_names, gone, ident, normal, unquote

if TYPE_CHECKING:
    from creo_schema.catalog.model import DefaultPrivilege, Privilege

# (role, schema or None for every schema, object type) of an ALTER DEFAULT PRIVILEGES entry.
_Scope = tuple[str, str | None, str]

# The built-in ACL of a new object, besides its owner's own privileges (acldefault).
_PUBLIC_DEFAULTS = {"function": ("execute",), "procedure": ("execute",), "type": ("usage",)}

_ON = {
    "table": "table",
    "view": "table",
    "materialized view": "table",
    "foreign table": "table",
    "sequence": "sequence",
    "function": "function",
    "procedure": "procedure",
    "type": "type",
    "schema": "schema",
}


def privileges_from_catalog(statements: list[str], context: Context) -> list[str]:
    """Replace the engine's grants and revokes by the difference of the catalogs' ACLs.

    Objects new to the plan, or dropped and recreated by it, start from the built-in
    defaults (PUBLIC may execute a function and use a type); their owner's own privileges
    are left alone. Revokes on what the plan drops are left out.
    Scenarios: tests/cases/grants/* (column_select, function_execute, schema_usage,
    table_all for MAINTAIN, with_grant_option, view_select, sequence_usage, revoke_all).
    """
    if not context.has_catalogs:
        return statements
    kept = [s for s in statements if not normal(s).startswith(("grant ", "revoke "))]
    dropped = dropped_names(statements)
    owners = _owners(context)
    old = _acls(context.current.privileges)
    new = _acls(context.desired.privileges)
    out: list[str] = []
    columns = {f"{c.schema}.{c.table}.{c.name}" for c in context.desired.columns}
    for kind, obj in sorted(old.keys() | new.keys()):
        if (kind, obj) not in new:
            # A column without an ACL has no row; any other object without one is dropped.
            if kind != "column" or unquote(obj) not in columns or gone(obj, dropped):
                continue
            new[(kind, obj)] = {}
        recreated = (kind, obj) not in old or gone(_base(kind, obj), dropped)
        before = {"public": _PUBLIC_DEFAULTS.get(kind, ())} if recreated else old[(kind, obj)]
        after = new[(kind, obj)]
        owner = owners.get(_base(kind, obj))
        for grantee in sorted(before.keys() | after.keys()):
            if grantee == owner or (owner is None and grantee == "postgres"):
                continue
            out += _statements(
                kind, obj, grantee, set(before.get(grantee, ())), set(after.get(grantee, ()))
            )
    return kept + out


def _acls(rows: tuple[Privilege, ...]) -> dict[tuple[str, str], dict[str, tuple[str, ...]]]:
    out: dict[tuple[str, str], dict[str, tuple[str, ...]]] = defaultdict(dict)
    for p in rows:
        out[(p.object_type, p.object)][p.grantee] = p.privileges
    return out


def _owners(context: Context) -> dict[str, str]:
    owners: dict[str, str] = {}
    for snapshot in (context.current, context.desired):
        for r in snapshot.relations:
            owners[f"{r.schema}.{r.name}"] = r.owner
        for f in snapshot.functions:
            owners[f"{f.schema}.{f.name}"] = f.owner
    return owners


def _base(kind: str, obj: str) -> str:
    """The object that owns an ACL entry: a column's table, a function without arguments."""
    name = unquote(obj)
    if kind == "column":
        return name.rsplit(".", 1)[0]
    return name.split("(", 1)[0]


def _target(kind: str, obj: str) -> tuple[str, str]:
    """(`ON ...` clause, column list) for a GRANT or REVOKE."""
    if kind == "column":
        table, _, column = obj.rpartition(".")
        return f"table {table}", f" ({column})"
    return f"{_ON.get(kind, kind)} {obj}", ""


def _statements(kind: str, obj: str, grantee: str, old: set[str], new: set[str]) -> list[str]:
    on, columns = _target(kind, obj)
    who = "public" if grantee == "public" else ident(grantee)
    out: list[str] = []
    plain_old = {p.rstrip("*") for p in old}
    plain_new = {p.rstrip("*") for p in new}
    revoke = sorted(plain_old - plain_new)
    unoption = sorted(
        p.rstrip("*")
        for p in old
        if p.endswith("*") and p.rstrip("*") in plain_new and p not in new
    )
    grant = sorted(p for p in new if p.rstrip("*") not in plain_old and not p.endswith("*"))
    option = sorted(p.rstrip("*") for p in new if p.endswith("*") and p not in old)
    if revoke:
        out.append(f"revoke {', '.join(p + columns for p in revoke)} on {on} from {who}")
    if unoption:
        out.append(
            f"revoke grant option for {', '.join(p + columns for p in unoption)} on {on} from {who}"
        )
    if grant:
        out.append(f"grant {', '.join(p + columns for p in grant)} on {on} to {who}")
    if option:
        out.append(
            f"grant {', '.join(p + columns for p in option)} on {on} to {who} with grant option"
        )
    return out


def default_privileges_from_catalog(statements: list[str], context: Context) -> list[str]:
    """`ALTER DEFAULT PRIVILEGES` is invisible to the engine: planned from the catalogs.

    A scope without any entry holds the built-in defaults (PUBLIC executes functions and
    uses types); a role's own privileges are left alone.
    Scenarios: tests/cases/grants/default_privileges, grants/default_privileges_functions.
    """
    if not context.has_catalogs:
        return statements
    old = _default_acls(context.current.default_privileges)
    new = _default_acls(context.desired.default_privileges)
    out = list(statements)
    for scope in sorted(old.keys() | new.keys(), key=str):
        role, schema, kind = scope
        before = old.get(scope) or _builtin_defaults(schema, kind)
        after = new.get(scope) or _builtin_defaults(schema, kind)
        prefix = f"alter default privileges for role {ident(role)}"
        if schema:
            prefix += f" in schema {ident(schema)}"
        for grantee in sorted(before.keys() | after.keys()):
            if grantee == role:
                continue
            who = "public" if grantee == "public" else ident(grantee)
            b, a = set(before.get(grantee, ())), set(after.get(grantee, ()))
            if b - a:
                privileges = ", ".join(sorted(p.rstrip("*") for p in b - a))
                out.append(f"{prefix} revoke {privileges} on {kind} from {who}")
            if a - b:
                plain = sorted(p for p in a - b if not p.endswith("*"))
                grantable = sorted(p.rstrip("*") for p in a - b if p.endswith("*"))
                if plain:
                    out.append(f"{prefix} grant {', '.join(plain)} on {kind} to {who}")
                if grantable:
                    out.append(
                        f"{prefix} grant {', '.join(grantable)} on {kind} to {who} with grant option"
                    )
    return out


def _default_acls(
    rows: tuple[DefaultPrivilege, ...],
) -> dict[_Scope, dict[str, tuple[str, ...]]]:
    out: dict[_Scope, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for d in rows:
        out[(d.role, d.schema, d.object_type)][d.grantee] = d.privileges
    return out


def _builtin_defaults(schema: str | None, kind: str) -> dict[str, tuple[str, ...]]:
    if schema is None and kind in ("functions", "types"):
        return {"public": ("execute",) if kind == "functions" else ("usage",)}
    return {}
