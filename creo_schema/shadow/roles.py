"""Managed roles on the shadow server, which every desired state and proof shares.

Roles belong to the whole cluster: the shadow cannot hold one desired state's roles without
holding them for every other plan at once (two kept desired states may declare a role
differently). So the roles schema/ names exist there plainly (NOLOGIN, shadow/tempdb.py
`ensure_roles`), enough to load schema/'s grants and owners, and the managed roles' real
state is only ever made inside a transaction that is rolled back:

- **The desired roles** (`declared_roles`): schema/roles/ run as written, then read back
  with the query that reads a target (catalog/roles.py), so the desired snapshot is what
  the server makes of the declarations (VALID UNTIL's time, a setting's stored form, a
  membership's default options), exactly, and nothing of another plan's.
- **The proof of a plan's role statements** (`prove_roles`): the target's roles made, the
  migration's role statements run and compared with the desired roles, the rollback's run
  and compared with the target's.

In both, each managed role the server already has is first renamed aside (`ALTER ROLE ...
RENAME`, which keeps what depends on it: grants in kept databases, memberships), so its name
is free for the transaction; the rollback gives every name back. A concurrent transaction
touching the same role waits for this one, a moment; nothing is ever left behind.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from psycopg import sql

from creo_schema.catalog.model import Role, RoleMembership
from creo_schema.catalog.reader import CatalogSnapshot
from creo_schema.catalog.roles import read_roles
from creo_schema.db import Connection, connect
from creo_schema.errors import DatabaseError, InputError
from creo_schema.source.roles import RoleDeclarations

RoleState = tuple[tuple[Role, ...], tuple[RoleMembership, ...]]


def declared_roles(
    admin_url: str, declarations: RoleDeclarations, managed: Sequence[str], applier: str
) -> RoleState:
    """The managed roles as schema/roles/ declares them, as the server stores them; a
    statement the server refuses is an InputError at its file:line:col."""
    with connect(admin_url) as conn:
        try:
            _aside(conn, managed)
            for statement in declarations.in_run_order():
                try:
                    conn.execute(statement.sql)  # schema/'s own text
                except psycopg.Error as error:
                    raise InputError(_server_message(error), location=statement.location) from None
            return read_roles(conn, managed, applier)
        finally:
            conn.rollback()


def prove_roles(
    admin_url: str,
    managed: Sequence[str],
    applier: str,
    current: RoleState,
    desired: RoleState,
    up: Iterable[str],
    down: Iterable[str],
    setup: Iterable[str],
) -> list[str]:
    """What is wrong with a plan's role statements (none when it is right): `setup` makes
    the target's roles (`current`), `up` must give `desired`, `down` then `current`."""
    with connect(admin_url) as conn:
        try:
            _aside(conn, managed)
            steps = (
                ("making the target's roles", setup, current),
                ("the migration", up, desired),
                ("the rollback", down, current),
            )
            for which, statements, goal in steps:
                for text in statements:
                    try:
                        conn.execute(text)  # the plan's own SQL
                    except psycopg.Error as error:
                        return [f"{which} failed on the shadow's roles: {_server_message(error)}"]
                found = read_roles(conn, managed, applier)
                if found != goal:
                    return [f"after {which}, the roles differ: {_difference(found, goal)}"]
            return []
        finally:
            conn.rollback()


def roles_only(
    catalog: CatalogSnapshot,
    roles: Iterable[Role] | None = None,
    memberships: Iterable[RoleMembership] | None = None,
) -> CatalogSnapshot:
    """A catalog snapshot holding only managed roles (`catalog`'s, or those given): what the
    differ needs to write the SQL that makes them."""
    empty: dict[str, Any] = {  # the snapshot's fields: tuples of rows of each kind
        f.name: ()
        for f in dataclasses.fields(catalog)
        if f.name not in ("schema_names",) and isinstance(getattr(catalog, f.name), tuple)
    }
    empty["roles"] = catalog.roles if roles is None else tuple(roles)
    empty["role_memberships"] = (
        catalog.role_memberships if memberships is None else tuple(memberships)
    )
    return dataclasses.replace(catalog, **empty)


def _aside(conn: Connection, names: Sequence[str]) -> None:
    """Rename every role of `names` the server has to a fresh name, in the open transaction."""
    rows = conn.execute(
        "select rolname from pg_catalog.pg_roles where rolname = any(%s)", (list(names),)
    ).fetchall()
    for (name,) in rows:
        aside = f"creo_aside_{secrets.token_hex(6)}"
        try:
            conn.execute(
                sql.SQL("alter role {} rename to {}").format(
                    sql.Identifier(name), sql.Identifier(aside)
                )
            )
        except psycopg.Error as error:
            raise DatabaseError(
                f"the shadow server cannot set its role {name} aside: {_server_message(error)}",
                hint="a managed role must not be the shadow server's own administrator",
            ) from None


def _server_message(error: psycopg.Error) -> str:
    diag = error.diag
    return str(diag.message_primary or error).strip()


def _difference(found: RoleState, goal: RoleState) -> str:
    out: list[str] = []
    for mine, wanted, what in ((found[0], goal[0], "role"), (found[1], goal[1], "membership")):
        have = {item.key: item for item in mine}
        want = {item.key: item for item in wanted}
        out += [f"{what} {k} is missing" for k in sorted(set(want) - set(have))]
        out += [f"{what} {k} is left over" for k in sorted(set(have) - set(want))]
        out += [
            f"{what} {k} is {have[k]} instead of {want[k]}"
            for k in sorted(set(have) & set(want))
            if have[k] != want[k]
        ]
    return "; ".join(out[:3]) or "they are ordered differently"
