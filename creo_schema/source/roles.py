"""Roles as code: what schema/roles/*.sql declares (with `manage_roles = true`).

A role belongs to the whole cluster, not to a database, so its declarations live apart from
the rest of schema/: only schema/roles/ may hold them, and it holds nothing else. Four
statements declare a role:

- `CREATE ROLE name [WITH] option ...`: SUPERUSER, CREATEDB, CREATEROLE, INHERIT, LOGIN,
  REPLICATION, BYPASSRLS (each with its NO form), CONNECTION LIMIT, VALID UNTIL, and the
  memberships IN ROLE, ROLE and ADMIN. `CREATE USER` is `CREATE ROLE ... LOGIN`.
- `ALTER ROLE name SET setting = value`: a role-wide setting (each session of the role
  starts with it). Declaring is setting: a setting not declared is reset by the plan, so
  RESET and SET ... TO DEFAULT declare nothing and are refused with that said.
- `GRANT role TO role [WITH ADMIN | INHERIT | SET option]`: a membership. INHERIT and SET
  options exist from PostgreSQL 16; on 15 the plan refuses them by name.
- `COMMENT ON ROLE name IS '...'`.

Passwords are secrets and never belong in a file: `PASSWORD 'x'` is refused where it is
written (set one with psql's `\\password name`, or `ALTER ROLE name PASSWORD ...` run by
hand; plans never compare nor change passwords). `PASSWORD NULL` says "no password" and is
accepted, and as every password left alone by plans.

Everything else (REVOKE, DROP ROLE, ALTER ROLE attributes, GRANTED BY, a role of ALL,
IN DATABASE settings) is bad input located at file:line:col, and so is any of these
statements outside schema/roles/ (source/validate.py). The names declared here are the
managed roles (config.py `with_declared_roles`); their exact state, as the server stores
it, is read from a rolled-back run of these statements in the shadow (shadow/roles.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pglast
from pglast import ast
from pglast.enums import RoleSpecType, VariableSetKind

from creo_schema.errors import InputError, Location
from creo_schema.source.model import SourceFile
from creo_schema.source.parse import LineIndex, parse_file, parse_text

ROLES_DIR = "roles"

# Where an offset into the file is (a node's `location`; None: the statement's start).
Locate = Callable[[int | None], Location]

# The options of CREATE ROLE a declaration may use (pglast's names for them).
_ATTRIBUTES = frozenset(
    {
        "superuser",
        "createdb",
        "createrole",
        "inherit",
        "canlogin",
        "isreplication",
        "bypassrls",
        "connectionlimit",
        "validUntil",
    }
)
_MEMBERSHIPS = frozenset({"addroleto", "rolemembers", "adminmembers"})
_GRANT_OPTIONS = frozenset({"admin", "inherit", "set"})
WHAT_ROLES_HOLDS = (
    "schema/roles/ declares roles: CREATE ROLE, ALTER ROLE ... SET, GRANT role TO role and "
    "COMMENT ON ROLE"
)
PASSWORD_HINT = (
    "a password is a secret, never kept in schema/: set it on the server by hand (psql's "
    "`\\password name`); plans leave passwords alone (PASSWORD NULL is accepted)"
)


@dataclass(frozen=True, slots=True)
class RoleStatement:
    """One statement of schema/roles/, as written, with what ordering it needs."""

    sql: str
    kind: str  # create, setting, membership, comment
    location: Location
    creates: str = ""  # the role a CREATE ROLE declares
    needs: tuple[str, ...] = ()  # the declared roles it names, which must exist before it
    # where it uses a membership's INHERIT or SET option (PostgreSQL 16 and later)
    new_options_at: Location | None = None


@dataclass(frozen=True, slots=True)
class RoleDeclarations:
    """What schema/roles/ declares: its statements in file order, the roles they declare."""

    statements: tuple[RoleStatement, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.creates for s in self.statements if s.creates)

    def named(self) -> frozenset[str]:
        """Every role the statements name, declared or not (the shadow needs them all)."""
        return frozenset(self.names) | frozenset(n for s in self.statements for n in s.needs)

    def creation_of(self, name: str) -> RoleStatement | None:
        return next((s for s in self.statements if s.creates == name), None)

    def in_run_order(self) -> list[RoleStatement]:
        """The CREATE ROLE statements, each after the declared roles it names, then the
        rest in file order (a membership or a setting needs its roles made)."""
        creates = {s.creates: s for s in self.statements if s.creates}
        done: dict[str, None] = {}

        def place(name: str, path: tuple[str, ...]) -> None:
            if name in done or name not in creates:
                return
            if name in path:
                cycle = " -> ".join((*path[path.index(name) :], name))
                raise InputError(
                    f"the roles name each other in a cycle: {cycle}",
                    location=creates[name].location,
                    hint="declare one of the memberships with GRANT ... TO ... instead",
                )
            for needed in creates[name].needs:
                place(needed, (*path, name))
            done[name] = None

        for name in creates:
            place(name, ())
        return [creates[n] for n in done] + [s for s in self.statements if not s.creates]


def is_role_file(schema_dir: Path, path: Path) -> bool:
    """Whether `path` (a file below `schema_dir`) is in schema/roles/."""
    parts = path.relative_to(schema_dir).parts
    return len(parts) > 1 and parts[0] == ROLES_DIR


def role_files(schema_dir: Path) -> tuple[SourceFile, ...]:
    """The files of schema/roles/ (none when schema/ or it is missing)."""
    from creo_schema.source.discover import discover

    folder = schema_dir / ROLES_DIR
    if not folder.is_dir() or not any(p.is_file() for p in folder.rglob("*.sql")):
        return ()
    return tuple(f for f in discover(schema_dir) if f.roles)


def declared_role_names(files: Iterable[SourceFile]) -> tuple[str, ...]:
    return read_declarations(files).names


def read_declarations(files: Iterable[SourceFile]) -> RoleDeclarations:
    """The declarations of the role files, checked (the first problem is an InputError at
    its file:line:col)."""
    statements: list[RoleStatement] = []
    for source in files:
        parse_file(source)  # a syntax error, located
        index = LineIndex(source.text)
        for raw in parse_text(source.text):
            statements.append(_declaration(source, index, raw))
    _check_names(statements)
    return RoleDeclarations(tuple(statements))


def _declaration(source: SourceFile, index: LineIndex, raw: ast.RawStmt) -> RoleStatement:
    start = raw.stmt_location or 0
    end = start + raw.stmt_len if raw.stmt_len else len(source.text)
    sql = source.text[start:end].strip().rstrip(";").strip()

    def at(offset: int | None) -> Location:
        line, column = index.line_col(offset if offset is not None and offset >= 0 else start)
        return Location(source.path, line, column)

    node = raw.stmt
    where = at(start)
    if isinstance(node, ast.CreateRoleStmt):
        return _create(node, sql, where, at)
    if isinstance(node, ast.AlterRoleSetStmt):
        return _setting(node, sql, where, at)
    if isinstance(node, ast.GrantRoleStmt):
        return _membership(node, sql, where, at)
    if isinstance(node, ast.CommentStmt) and node.objtype == pglast.enums.ObjectType.OBJECT_ROLE:
        return RoleStatement(sql, "comment", where, needs=(_text(node.object),))
    hint = (
        "write the role's attributes in its CREATE ROLE"
        if isinstance(node, ast.AlterRoleStmt)
        else "delete the role's declaration (or membership) instead: the plan drops or revokes it"
        if isinstance(node, ast.DropRoleStmt | ast.GrantRoleStmt)
        else "move it out of schema/roles/"
    )
    raise InputError(
        f"{type(node).__name__} is not a role declaration ({WHAT_ROLES_HOLDS})",
        location=where,
        hint=hint,
    )


def _create(node: ast.CreateRoleStmt, sql: str, where: Location, at: Locate) -> RoleStatement:
    assert node.role is not None  # the parser sets the role CREATE ROLE names
    _check_role_name(node.role, where)
    needs: list[str] = []
    for option in node.options or ():
        name = option.defname
        if name == "password":
            if option.arg is not None:
                raise InputError(
                    f"role {node.role} has a password written in the file",
                    location=at(option.arg_location or option.location),
                    hint=PASSWORD_HINT,
                )
            continue
        if name in _MEMBERSHIPS:
            needs += [_role_name(spec, at) for spec in option.arg]
            continue
        if name not in _ATTRIBUTES:
            raise InputError(
                f"CREATE ROLE option {name} is not declared in schema/roles/",
                location=at(option.location),
                hint="declare SUPERUSER, CREATEDB, CREATEROLE, INHERIT, LOGIN, REPLICATION, "
                "BYPASSRLS, CONNECTION LIMIT, VALID UNTIL and memberships only",
            )
    return RoleStatement(sql, "create", where, creates=node.role, needs=tuple(needs))


def _setting(node: ast.AlterRoleSetStmt, sql: str, where: Location, at: Locate) -> RoleStatement:
    if node.role is None:
        raise InputError(
            "ALTER ROLE ALL sets a setting for every role of the cluster: not declared here",
            location=where,
            hint="set it per role, or in postgresql.conf",
        )
    role = _role_name(node.role, at)
    if node.database is not None:
        raise InputError(
            f"a setting of role {role} IN DATABASE {node.database} is not managed (yet): "
            "schema/roles/ declares role-wide settings",
            location=where,
            hint="drop IN DATABASE ... to set it for every database, or set it by hand",
        )
    assert node.setstmt is not None  # the parser sets what ALTER ROLE ... SET sets
    kind = node.setstmt.kind
    if kind != VariableSetKind.VAR_SET_VALUE:
        raise InputError(
            f"ALTER ROLE {role} {'RESET' if kind != VariableSetKind.VAR_SET_CURRENT else 'SET ... FROM CURRENT'}"
            " declares nothing",
            location=where,
            hint="declare the settings a role has with ALTER ROLE ... SET; a setting not "
            "declared is reset by the plan: delete the line",
        )
    return RoleStatement(sql, "setting", where, needs=(role,))


def _membership(node: ast.GrantRoleStmt, sql: str, where: Location, at: Locate) -> RoleStatement:
    if not node.is_grant:
        raise InputError(
            "REVOKE removes a membership: schema/roles/ declares the memberships there are",
            location=where,
            hint="delete the GRANT instead: the plan revokes what is not declared",
        )
    if node.grantor is not None:
        raise InputError(
            "GRANTED BY is not declared: memberships are granted by the role that applies",
            location=at(getattr(node.grantor, "location", None)),
        )
    new_options: Location | None = None
    for option in node.opt or ():
        if option.defname not in _GRANT_OPTIONS:
            raise InputError(f"membership option {option.defname} is not known", location=where)
        if option.defname in ("inherit", "set") and new_options is None:
            new_options = at(option.location)
    granted = [item.priv_name for item in node.granted_roles or ()]
    members = [_role_name(spec, at) for spec in node.grantee_roles or ()]
    return RoleStatement(
        sql, "membership", where, needs=(*granted, *members), new_options_at=new_options
    )


def _role_name(spec: ast.RoleSpec, at: Locate) -> str:
    if spec.roletype != RoleSpecType.ROLESPEC_CSTRING or not spec.rolename:
        raise InputError(
            "a role of schema/roles/ is named, never CURRENT_USER, SESSION_USER or PUBLIC",
            location=at(getattr(spec, "location", None)),
        )
    return str(spec.rolename)


def _text(node: ast.Node | None) -> str:
    return str(getattr(node, "sval", node))


def _check_role_name(name: str, where: Location) -> None:
    if name.startswith("pg_"):
        raise InputError(
            f"{name}: names starting with pg_ are PostgreSQL's own roles", location=where
        )


def _check_names(statements: list[RoleStatement]) -> None:
    """Each role declared once; settings, comments and memberships of declared roles."""
    declared: dict[str, RoleStatement] = {}
    for item in statements:
        if not item.creates:
            continue
        if item.creates in declared:
            first = declared[item.creates].location
            raise InputError(
                f"role {item.creates} is declared twice (first at {first})",
                location=item.location,
            )
        declared[item.creates] = item
    seen_settings: set[tuple[str, str]] = set()
    for item in statements:
        if item.kind in ("setting", "comment") and item.needs[0] not in declared:
            raise InputError(
                f"role {item.needs[0]} is not declared in schema/roles/",
                location=item.location,
                hint=f"declare it with CREATE ROLE {item.needs[0]}",
            )
        if item.kind == "setting":
            setting = _setting_name(item.sql)
            if (item.needs[0], setting) in seen_settings:
                raise InputError(
                    f"setting {setting} of role {item.needs[0]} is declared twice",
                    location=item.location,
                )
            seen_settings.add((item.needs[0], setting))
        if item.kind == "membership" and not any(n in declared for n in item.needs):
            raise InputError(
                "a membership between roles schema/roles/ does not declare is not managed",
                location=item.location,
                hint="declare one of its roles with CREATE ROLE, or grant it by hand",
            )


def _setting_name(sql: str) -> str:
    node = pglast.parse_sql(sql)[0].stmt
    # only ALTER ROLE ... SET statements reach here (kind "setting")
    assert isinstance(node, ast.AlterRoleSetStmt) and node.setstmt is not None
    return str(node.setstmt.name).lower()


def refuse_for_major(declarations: RoleDeclarations, major: int) -> None:
    """What the target's server cannot hold: a membership's INHERIT or SET option before
    PostgreSQL 16."""
    if major >= 16:
        return
    for item in declarations.statements:
        if item.new_options_at is not None:
            raise InputError(
                f"a membership's INHERIT and SET options need PostgreSQL 16 or later; the "
                f"target runs {major}",
                location=item.new_options_at,
                hint="on 15 a membership inherits as its member's INHERIT attribute says",
            )
