"""Read the managed roles of a cluster (roles as code, `manage_roles`).

Roles are the cluster's, not a database's: they are read by name (the managed ones), apart
from the snapshot of the managed schemas, in one round trip. A membership is read when
either of its roles is managed, but never one of the applier's own: PostgreSQL 16 makes the
creator of a role an ADMIN member of it when the creator is no superuser, which is how a
CREATEROLE applier keeps managing what it made.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from psycopg import Cursor
from psycopg.rows import DictRow, dict_row

from creo_schema.catalog.model import Role, RoleMembership
from creo_schema.db import Connection, one_row

_OPTIONS_16 = "bool_or(a.inherit_option) as inherit, bool_or(a.set_option) as set"
_OPTIONS_15 = "true as inherit, true as set"


@cache
def _query(name: str) -> str:
    return resources.files(__package__).joinpath("sql", name).read_text(encoding="utf-8")


def read_roles(
    conn: Connection, names: Iterable[str], applier: str
) -> tuple[tuple[Role, ...], tuple[RoleMembership, ...]]:
    """The roles of `names` the cluster has, and their memberships but `applier`'s; an
    open transaction is left open (the caller's)."""
    wanted = sorted(set(names))
    if not wanted:
        return (), ()
    major = int(one_row(conn.execute("select current_setting('server_version_num')"))[0])
    params = {"roles": wanted, "applier": applier}
    # the query's column names are the fields' (catalog/model.py Role)
    cursor = _dict_rows(conn)
    rows = cursor.execute(_query("roles.sql"), params).fetchall()
    roles = tuple(Role(**{**row, "settings": tuple(row["settings"])}) for row in rows)
    options = _OPTIONS_16 if major >= 160000 else _OPTIONS_15
    members = _query("role_memberships.sql").replace("{options}", options)
    memberships = tuple(RoleMembership(**row) for row in cursor.execute(members, params).fetchall())
    return roles, memberships


def _dict_rows(conn: Connection) -> Cursor[DictRow]:
    """A cursor of `conn` whose rows are dicts (the connection's own rows are tuples)."""
    return conn.cursor(row_factory=dict_row)
