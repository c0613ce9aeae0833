"""Roles: schema/ names them (grants, policies, owners, default privileges) but cannot
declare them, since a role belongs to the whole cluster, not to one database (unless
`manage_roles`, on plain PostgreSQL: schema/roles/ then declares some, which plans create;
source/roles.py).

A role schema/ names resolves when the platform's prelude provides it, the configuration
lists it (`roles`), or the target has it. The shadow is given the ones it lacks (NOLOGIN,
shadow/tempdb.py `ensure_roles`) before schema/ is loaded into it. The target never gets a
role from this tool: a plan that needs one the target lacks says so, and `apply` refuses it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import pglast
from pglast import ast
from pglast.enums import RoleSpecType
from pglast.parser import parse_sql_json

from creo_schema.config import Settings
from creo_schema.db import Connection, connect
from creo_schema.source.asts import parsed_statements, walk
from creo_schema.source.catalog_names import KnownRoles
from creo_schema.source.model import SourceSet

# pg_* roles are PostgreSQL's (pg_read_all_data, ...): every cluster has them.
_ROLES = "select rolname from pg_catalog.pg_roles where rolname !~ '^pg_'"


def existing_roles(conn: Connection) -> frozenset[str]:
    """The roles of `conn`'s cluster (one query); an open transaction is ended."""
    try:
        return frozenset(row[0] for row in conn.execute(_ROLES).fetchall())
    finally:
        if not conn.autocommit:
            conn.rollback()


def superusers(conn: Connection) -> frozenset[str]:
    """The superusers of `conn`'s cluster (one query); an open transaction is ended."""
    try:
        rows = conn.execute("select rolname from pg_catalog.pg_roles where rolsuper").fetchall()
        return frozenset(row[0] for row in rows)
    finally:
        if not conn.autocommit:
            conn.rollback()


def known_roles(settings: Settings, target: Callable[[], frozenset[str]] | None) -> KnownRoles:
    """The roles schema/ may name besides the platform's: the configured ones, those
    schema/roles/ declares, and the target's, read only when a name is not resolved
    otherwise (`target`: None when there is no target to read them from)."""
    return KnownRoles(frozenset(settings.roles) | frozenset(settings.managed_roles), target)


def target_roles_of(settings: Settings) -> Callable[[], frozenset[str]] | None:
    """A reader of the configured target's roles (None when no target is configured)."""
    url = settings.database_url
    if not url:
        return None

    def read() -> frozenset[str]:
        with connect(url, autocommit=True) as conn:
            return existing_roles(conn)

    return read


def named_roles(source: SourceSet) -> frozenset[str]:
    """Every role schema/ names, for the shadow to have before it loads schema/."""
    return frozenset(
        name
        for item in parsed_statements(source)
        if item.statement.kind not in _ROLELESS
        for name in _role_names(item.node)
        if not name.startswith("pg_")
    )


def shadow_roles(source: SourceSet, settings: Settings) -> frozenset[str]:
    """The roles the shadow needs: those schema/ names, the configured and managed ones."""
    return named_roles(source) | frozenset(settings.roles) | frozenset(settings.managed_roles)


def roles_in_sql(statements: Iterable[str]) -> frozenset[str]:
    """The roles SQL statements name (a plan's): GRANT ... TO, policies' TO, OWNER TO, ALTER
    DEFAULT PRIVILEGES FOR ROLE. A statement that does not parse names none here (the server
    is the judge of it when it runs)."""
    names: set[str] = set()
    for text in statements:
        if not _may_name_roles(text):
            continue
        try:
            tree = parse_sql_json(text)
        except pglast.parser.ParseError:
            continue
        names.update(json.loads(literal) for literal in _ROLE_SPEC.findall(tree))
    return frozenset(name for name in names if not name.startswith("pg_"))


# A named role in libpg_query's JSON tree, in a list or in a field such as `newowner`. Read
# as text: building pglast's Python tree of a statement costs ten times more, and a plan can
# hold thousands of grants and policies.
_ROLE_SPEC = re.compile(r'\{"roletype":"ROLESPEC_CSTRING","rolename":("(?:[^"\\]|\\.)*")')

# The statements that can name a role, the only ones parsed: GRANT/REVOKE, policies, default
# privileges, schemas' AUTHORIZATION, user mappings, and ALTER ... OWNER TO.
_NAMES_ROLES = re.compile(
    r"^\s*(grant|revoke|create\s+policy|alter\s+policy|alter\s+default\s+privileges"
    r"|create\s+schema|(create|alter)\s+user\s+mapping)\b"
    r"|^\s*alter\b.*\bowner\s+to\b",
    re.I | re.S,
)
# Statements of schema/ that never name a role, and are most of it (their walk is skipped).
_ROLELESS = frozenset(
    {
        "CreateStmt",
        "ViewStmt",
        "CreateFunctionStmt",
        "IndexStmt",
        "InsertStmt",
        "CommentStmt",
        "CreateTrigStmt",
        "CreateTableAsStmt",
        "CreateEnumStmt",
        "CompositeTypeStmt",
        "CreateDomainStmt",
        "CreateSeqStmt",
    }
)


def _may_name_roles(text: str) -> bool:
    return _NAMES_ROLES.match(text) is not None


def _role_names(node: ast.Node) -> Iterable[str]:
    # A policy's expressions hold no role (a role in them is a string or current_user) and
    # are most of its tree: they are not walked.
    walked: ast.Node | tuple[Any, ...] | None = node
    if isinstance(node, ast.CreatePolicyStmt | ast.AlterPolicyStmt):
        walked = node.roles
    for child, _ in walk(walked):
        if (
            isinstance(child, ast.RoleSpec)
            and child.roletype == RoleSpecType.ROLESPEC_CSTRING
            and child.rolename
        ):
            yield child.rolename
