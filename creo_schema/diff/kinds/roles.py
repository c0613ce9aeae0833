"""Roles and their memberships (roles as code, `manage_roles`): cluster-wide, no schema.

A role is created with its attributes (only those that differ from CREATE ROLE's defaults),
then given its role-wide settings and comment; a difference of attributes is one ALTER
ROLE, of settings SET / RESET, of comment COMMENT ON ROLE. Passwords are never compared.
VALID UNTIL 'infinity' and none are the same (no ALTER ROLE can give NULL back), read as
none. A membership (GRANT role TO member) is a node of its own, under its managed role:
created with every option spelled out on PostgreSQL 16 and later (an omitted INHERIT
follows the member's attribute at grant time), changed in place (GRANT ... WITH for an
option turned on or INHERIT/SET turned off, REVOKE ADMIN OPTION FOR), revoked when gone.

Roles are the cluster's, so their changes frame the plan (diff/differ.py `_ordered`):
created, altered and granted before every other statement, revoked and dropped after all
of them; the rollback is the same the other way, a dropped role recreated with its
attributes, settings, comment and memberships (not its password). Whether a role may be
dropped at all (it owns objects, holds privileges) is the target's to say: plan/roles.py.

Each change says what it does (diff/effects.py): `widens_access` when it lets a role do
what it could not (SUPERUSER, BYPASSRLS, LOGIN, CREATEROLE, REPLICATION, a membership or
its options; plan/hazards.py: `weakens_security`), `drops_role` for a dropped role.
"""

from __future__ import annotations

from typing import Any, ClassVar

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Role, RoleMembership
from creo_schema.diff.change import Change
from creo_schema.diff.effects import Effects
from creo_schema.diff.kinds.base import Altered, Context, Kind
from creo_schema.diff.kinds.routines import setting_value
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal

# (field, the keyword when true, the keyword when false); CREATE ROLE's default is false
# but for INHERIT.
_FLAGS = (
    ("superuser", "superuser", "nosuperuser"),
    ("createdb", "createdb", "nocreatedb"),
    ("createrole", "createrole", "nocreaterole"),
    ("inherit", "inherit", "noinherit"),
    ("login", "login", "nologin"),
    ("replication", "replication", "noreplication"),
    ("bypassrls", "bypassrls", "nobypassrls"),
)
_DEFAULTS: dict[str, Any] = {name: name == "inherit" for name, _, _ in _FLAGS}
# What a role may do once the attribute is on, that it could not before.
WIDENING = frozenset({"superuser", "bypassrls", "login", "createrole", "replication"})


def role_id(name: str) -> str:
    return f"role:{ident(name)}"


def membership_id(item: RoleMembership) -> str:
    return f"role membership:{ident(item.role)} to {ident(item.member)}"


class RoleKind(Kind):
    name = ObjectKind.ROLE
    # Ordered before (created, altered) or after (dropped) every other change.
    cluster_wide: ClassVar[bool] = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.roles:
            side.add(Node(role_id(item.name), self.name, item))

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Role = node.item
        words = [
            yes if getattr(item, name) else no
            for name, yes, no in _FLAGS
            if getattr(item, name) != _DEFAULTS[name]
        ]
        words += _limits(item, None)
        sql = f"create role {ident(item.name)}" + (f" with {' '.join(words)}" if words else "")
        widens = [name for name in sorted(WIDENING) if getattr(item, name)]
        out = [self.make(node, "create", sql, effects=Effects(widens_access=bool(widens)))]
        out += self._settings(node, (), item.settings)
        if item.comment is not None:
            out.append(self._comment(node, item.comment))
        return out

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        sql = f"drop role {ident(node.item.name)}"
        return [self.make(node, "drop", sql, effects=Effects(drops_role=True))]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Role = old.item
        b: Role = new.item
        words = [
            yes if getattr(b, name) else no
            for name, yes, no in _FLAGS
            if getattr(a, name) != getattr(b, name)
        ]
        words += _limits(b, a)
        out = []
        if words:
            widens = [n for n in sorted(WIDENING) if getattr(b, n) and not getattr(a, n)]
            sql = f"alter role {ident(b.name)} with {' '.join(words)}"
            effects = Effects(widens_access=bool(widens))
            out.append(self.make(new, "alter", sql, "alter_role", effects=effects))
        out += self._settings(new, a.settings, b.settings)
        if a.comment != b.comment:
            out.append(self._comment(new, b.comment))
        return out

    def _settings(
        self, node: Node, before: tuple[str, ...], after: tuple[str, ...]
    ) -> list[Change]:
        old = dict(s.split("=", 1) for s in before)
        new = dict(s.split("=", 1) for s in after)
        name = ident(node.item.name)
        out = [
            self.make(
                node, "alter", f"alter role {name} reset {_setting_name(key)}", "reset_role_setting"
            )
            for key in sorted(old)
            if key not in new
        ]
        out += [
            self.make(
                node,
                "alter",
                f"alter role {name} set {_setting_name(key)} = {setting_value(key, value)}",
                "set_role_setting",
            )
            for key, value in sorted(new.items())
            if old.get(key) != value
        ]
        return out

    def _comment(self, node: Node, text: str | None) -> Change:
        value = "null" if text is None else literal(text)
        sql = f"comment on role {ident(node.item.name)} is {value}"
        return self.make(node, "alter", sql, "comment_role")

    def owner_of(self, node: Node) -> None:
        return None


class RoleMembershipKind(Kind):
    name = ObjectKind.ROLE_MEMBERSHIP
    cluster_wide: ClassVar[bool] = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        managed = {r.name for r in snapshot.roles}
        for item in snapshot.role_memberships:
            parent = item.role if item.role in managed else item.member
            side.add(Node(membership_id(item), self.name, item, parent=role_id(parent)))

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: RoleMembership = node.item
        sql = f"grant {ident(item.role)} to {ident(item.member)}"
        if ctx.major >= 16:
            options = (("admin", item.admin), ("inherit", item.inherit), ("set", item.set))
            sql += " with " + ", ".join(f"{k} {str(v).lower()}" for k, v in options)
        elif item.admin:
            sql += " with admin option"
        requires = [role_id(item.role), role_id(item.member)]
        # a membership lets the member act with the role's privileges
        effects = Effects(widens_access=True)
        return [self.make(node, "create", sql, requires=requires, effects=effects)]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: RoleMembership = node.item
        sql = f"revoke {ident(item.role)} from {ident(item.member)}"
        return [self.make(node, "drop", sql)]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: RoleMembership = old.item
        b: RoleMembership = new.item
        pair = f"{ident(b.role)} to {ident(b.member)}"
        out = []
        changed = [
            (name, getattr(b, name))
            for name in ("admin", "inherit", "set")
            if getattr(a, name) != getattr(b, name) and (name != "admin" or b.admin)
        ]
        if changed:
            granted = ", ".join(f"{k} {str(v).lower()}" for k, v in changed)
            sql = (
                f"grant {pair} with {granted}"
                if ctx.major >= 16
                else f"grant {pair} with admin option"
            )
            effects = Effects(widens_access=any(v for _, v in changed))
            out.append(self.make(new, "alter", sql, "alter_membership", effects=effects))
        if a.admin and not b.admin:
            sql = f"revoke admin option for {ident(b.role)} from {ident(b.member)}"
            out.append(self.make(new, "alter", sql, "alter_membership"))
        return out

    def owner_of(self, node: Node) -> None:
        return None


def _limits(item: Role, before: Role | None) -> list[str]:
    """CONNECTION LIMIT and VALID UNTIL, where they differ from `before` (CREATE ROLE's
    defaults when None)."""
    out = []
    if item.connection_limit != (before.connection_limit if before else -1):
        out.append(f"connection limit {item.connection_limit}")
    if item.valid_until != (before.valid_until if before else None):
        out.append(f"valid until {literal(item.valid_until or 'infinity')}")
    return out


def _setting_name(name: str) -> str:
    return ".".join(ident(part) for part in name.split("."))
