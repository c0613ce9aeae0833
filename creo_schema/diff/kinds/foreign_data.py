"""Foreign data: wrappers, servers and user mappings (database-level, no schema); foreign
tables are tables (tables.py). Which are managed is catalog/scope.py's rule: a wrapper or
server not owned by a platform role, whose functions and foreign tables are all in view; an
extension's own wrapper (postgres_fdw's) is the extension's, and a server on it requires the
extension.

Handlers, validators, versions and options are altered in place (OPTIONS ADD / SET / DROP);
a server's wrapper or type cannot be, and a server changing them is replaced, its user
mappings and foreign tables with it (a foreign table holds no rows: nothing is lost).

Secrets never enter a plan. The catalog never reads the value of an option whose name says
it is one (`password`, `secret`, `token`, `private_key`, `api_key`: it reads REDACTED
instead), nor the options of a user mapping the reading role may not see (HIDDEN). A plan
that would have to write such a value (creating the object, changing the option, or a
rollback re-creating it) is refused, naming the object and the option: set those by hand.
Changes to a secret's value are not seen.
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import (
    HIDDEN,
    REDACTED,
    ForeignDataWrapper,
    ForeignServer,
    UserMapping,
)
from creo_schema.diff.change import Change, Unplannable
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal, role


def wrapper_id(name: str) -> str:
    return f"foreign data wrapper:{ident(name)}"


def server_id(name: str) -> str:
    return f"server:{ident(name)}"


def _refuse(message: str) -> None:
    raise Unplannable([message])


def _pairs(options: tuple[str, ...]) -> dict[str, str]:
    return {name: value for name, _, value in (o.partition("=") for o in options)}


def _writable(options: dict[str, str], what: str) -> None:
    """Refuse to write a value the catalog never read (see the module's docstring)."""
    if HIDDEN in options:
        _refuse(f"{what}: its options are hidden from the role reading the catalog")
    secret = sorted(k for k, v in options.items() if v == REDACTED)
    if secret:
        _refuse(
            f"{what} has the secret option {', '.join(secret)}, whose value creo-schema "
            "never reads or writes: create, change or drop it by hand"
        )


def option_list(options: tuple[str, ...], what: str) -> str:
    """`name 'value', ...` for CREATE ... OPTIONS (...)."""
    pairs = _pairs(options)
    _writable(pairs, what)
    return ", ".join(f"{ident(k)} {literal(v)}" for k, v in pairs.items())


def option_changes(before: tuple[str, ...], after: tuple[str, ...], what: str) -> str:
    """`drop a, set b 'x', add c 'y'` for ALTER ... OPTIONS (...); '' when nothing changes."""
    old, new = _pairs(before), _pairs(after)
    if HIDDEN in old or HIDDEN in new:
        _writable({HIDDEN: ""}, what)
    changed = {k: v for k, v in new.items() if old.get(k) != v}
    _writable(changed, what)
    parts = [f"drop {ident(k)}" for k in old if k not in new]
    parts += [f"set {ident(k)} {literal(v)}" for k, v in changed.items() if k in old]
    parts += [f"add {ident(k)} {literal(v)}" for k, v in changed.items() if k not in old]
    return ", ".join(parts)


def _has_secret(options: tuple[str, ...]) -> bool:
    return any(o == HIDDEN or o.endswith(f"={REDACTED}") for o in options)


class ForeignDataWrapperKind(Kind):
    name = ObjectKind.FOREIGN_DATA_WRAPPER
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.foreign_data_wrappers:
            side.add(
                Node(wrapper_id(item.name), self.name, item),
                ("pg_foreign_data_wrapper", item.oid, 0),
            )

    @staticmethod
    def _what(item: ForeignDataWrapper) -> str:
        return f"foreign data wrapper {ident(item.name)}"

    def is_rebuildable(self, node: Node) -> bool:
        return not _has_secret(node.item.options)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: ForeignDataWrapper = node.item
        sql = f"create {self._what(item)}"
        if item.handler:
            sql += f" handler {item.handler}"
        if item.validator:
            sql += f" validator {item.validator}"
        if item.options:
            sql += f" options ({option_list(item.options, self._what(item))})"
        requires = [f"extension:{ident(e)}" for e in item.extensions]
        return [self.make(node, "create", sql, requires=requires)]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop {self._what(node.item)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: ForeignDataWrapper = old.item
        b: ForeignDataWrapper = new.item
        prefix = f"alter {self._what(b)}"
        requires = [f"extension:{ident(e)}" for e in b.extensions]
        out = []
        if a.handler != b.handler:
            how = f"handler {b.handler}" if b.handler else "no handler"
            out.append(self.make(new, "alter", f"{prefix} {how}", "set_handler", requires=requires))
        if a.validator != b.validator:
            how = f"validator {b.validator}" if b.validator else "no validator"
            out.append(
                self.make(new, "alter", f"{prefix} {how}", "set_validator", requires=requires)
            )
        changes = option_changes(a.options, b.options, self._what(b))
        if changes:
            out.append(self.make(new, "alter", f"{prefix} options ({changes})", "set_options"))
        return out

    def comment_target(self, node: Node) -> str:
        return self._what(node.item)

    def grant_target(self, node: Node) -> str:
        return self._what(node.item)

    def owner_target(self, node: Node) -> str:
        return self._what(node.item)


class ServerKind(Kind):
    name = ObjectKind.SERVER
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.foreign_servers:
            side.add(
                Node(server_id(item.name), self.name, item),
                ("pg_foreign_server", item.oid, 0),
            )

    def is_rebuildable(self, node: Node) -> bool:
        return not _has_secret(node.item.options)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: ForeignServer = node.item
        sql = f"create server {ident(item.name)}"
        if item.type is not None:
            sql += f" type {literal(item.type)}"
        if item.version is not None:
            sql += f" version {literal(item.version)}"
        sql += f"\n  foreign data wrapper {ident(item.wrapper)}"
        if item.options:
            sql += f"\n  options ({option_list(item.options, f'server {ident(item.name)}')})"
        requires = [wrapper_id(item.wrapper)]
        if item.wrapper_extension:
            requires.append(f"extension:{ident(item.wrapper_extension)}")
        return [self.make(node, "create", sql, requires=requires)]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop server {ident(node.item.name)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: ForeignServer = old.item
        b: ForeignServer = new.item
        if (a.wrapper, a.type) != (b.wrapper, b.type) or (a.version and not b.version):
            return REPLACE  # none of these has an ALTER (a version can change, not go)
        prefix = f"alter server {ident(b.name)}"
        out = []
        if a.version != b.version:
            sql = f"{prefix} version {literal(b.version or '')}"
            out.append(self.make(new, "alter", sql, "set_version"))
        changes = option_changes(a.options, b.options, f"server {ident(b.name)}")
        if changes:
            out.append(self.make(new, "alter", f"{prefix} options ({changes})", "set_options"))
        return out

    def comment_target(self, node: Node) -> str:
        return f"server {ident(node.item.name)}"

    def grant_target(self, node: Node) -> str:
        return f"foreign server {ident(node.item.name)}"

    def owner_target(self, node: Node) -> str:
        return f"server {ident(node.item.name)}"


class UserMappingKind(Kind):
    name = ObjectKind.USER_MAPPING
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.user_mappings:
            side.add(
                Node(f"user mapping:{self._for(item)}", self.name, item),
                ("pg_user_mapping", item.oid, 0),
            )

    @staticmethod
    def _for(item: UserMapping) -> str:
        return f"for {role(item.user)} server {ident(item.server)}"

    def is_rebuildable(self, node: Node) -> bool:
        return not _has_secret(node.item.options)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: UserMapping = node.item
        sql = f"create user mapping {self._for(item)}"
        if item.options:
            sql += f" options ({option_list(item.options, f'user mapping {self._for(item)}')})"
        return [self.make(node, "create", sql, requires=[server_id(item.server)])]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop user mapping {self._for(node.item)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        what = f"user mapping {self._for(new.item)}"
        changes = option_changes(old.item.options, new.item.options, what)
        if not changes:
            return []
        return [self.make(new, "alter", f"alter {what} options ({changes})", "set_options")]

    def owner_of(self, node: Node) -> None:
        return None
