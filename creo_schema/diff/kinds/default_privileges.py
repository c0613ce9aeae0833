"""ALTER DEFAULT PRIVILEGES: one node per role, schema (or none) and kind of object.

The role that applies the plan is written `current_user` on both sides (the shadow loads
schema/ as another role than the target is changed by): a default privilege schema/ sets
for itself is meant for whoever runs it. A global entry (no schema) replaces the built-in
default, so its absence means that default, spelled out here as PostgreSQL's acldefault.
"""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.diff.change import Change
from creo_schema.diff.kinds.base import Altered, Context, Kind
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, role

CURRENT = "current_user"

_OBJECT_WORDS = {
    "tables": "tables",
    "sequences": "sequences",
    "functions": "functions",
    "types": "types",
    "schemas": "schemas",
    "large objects": "large objects",
}


@dataclass(frozen=True, slots=True)
class DefaultAcl:
    role: str  # CURRENT for the role that applies the plan
    schema: str | None
    object_type: str
    grants: tuple[tuple[str, tuple[str, ...]], ...]  # (grantee, privileges), sorted


def builtin_default(object_type: str, owner: str, major: int) -> dict[str, frozenset[str]]:
    """What a role's new objects of one kind grant when no default privilege says more."""
    if object_type == "tables":
        privileges = {"select", "insert", "update", "delete", "truncate", "references", "trigger"}
        if major >= 17:
            privileges.add("maintain")
        return {owner: frozenset(privileges)}
    if object_type == "sequences":
        return {owner: frozenset({"usage", "select", "update"})}
    if object_type == "functions":
        return {owner: frozenset({"execute"}), "public": frozenset({"execute"})}
    if object_type == "types":
        return {owner: frozenset({"usage"}), "public": frozenset({"usage"})}
    if object_type == "schemas":
        return {owner: frozenset({"usage", "create"})}
    if object_type == "large objects":
        return {owner: frozenset({"select", "update"})}
    if object_type in ("foreign data wrappers", "foreign servers"):
        return {owner: frozenset({"usage"})}
    return {}


def normal_role(name: str, side: Side) -> str:
    return CURRENT if name == side.snapshot.current_user else name


class DefaultPrivilegesKind(Kind):
    name = ObjectKind.DEFAULT_PRIVILEGES  # ranked before schemas even (catalog/kinds.py)

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        grouped: dict[tuple[str, str | None, str], dict[str, tuple[str, ...]]] = {}
        for row in snapshot.default_privileges:
            key = (normal_role(row.role, side), row.schema, row.object_type)
            grouped.setdefault(key, {})[normal_role(row.grantee, side)] = tuple(
                sorted(row.privileges)
            )
        for (owner, schema, object_type), grants in sorted(
            grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2])
        ):
            where = f"in schema {ident(schema)} " if schema else ""
            node_id = f"default_privileges:for role {owner} {where}on {object_type}"
            item = DefaultAcl(owner, schema, object_type, tuple(sorted(grants.items())))
            side.add(Node(node_id, self.name, item))

    def _effective(self, item: DefaultAcl, ctx: Context) -> dict[str, frozenset[str]]:
        if item.schema is None and not item.grants:
            return builtin_default(item.object_type, item.role, ctx.major)
        return {grantee: frozenset(privs) for grantee, privs in item.grants}

    def _absent(self, like: DefaultAcl, ctx: Context) -> dict[str, frozenset[str]]:
        if like.schema is None:
            return builtin_default(like.object_type, like.role, ctx.major)
        return {}

    def _changes(
        self,
        node: Node,
        item: DefaultAcl,
        before: dict[str, frozenset[str]],
        after: dict[str, frozenset[str]],
        ctx: Context,
    ) -> list[Change]:
        head = "alter default privileges"
        if item.role != CURRENT:
            head += f" for role {role(item.role)}"
        if item.schema:
            head += f" in schema {ident(item.schema)}"
        word = _OBJECT_WORDS[item.object_type]
        requires = [schema_id(item.schema)] if item.schema else []
        out = []
        for grantee in sorted(set(before) | set(after)):
            old = before.get(grantee, frozenset())
            new = after.get(grantee, frozenset())
            target = role(grantee) if grantee != CURRENT else CURRENT
            old_names = {p.rstrip("*") for p in old}
            revoked = sorted(old_names - {p.rstrip("*") for p in new})
            if revoked:
                sql = f"{head} revoke {', '.join(revoked)} on {word} from {target}"
                out.append(self.make(node, "alter", sql, "revoke_default", requires=requires))
            plain = sorted(p for p in new - old if not p.endswith("*") and p not in old_names)
            if plain:
                sql = f"{head} grant {', '.join(plain)} on {word} to {target}"
                out.append(self.make(node, "alter", sql, "grant_default", requires=requires))
            granting = sorted(p.rstrip("*") for p in new - old if p.endswith("*"))
            if granting:
                sql = f"{head} grant {', '.join(granting)} on {word} to {target} with grant option"
                out.append(self.make(node, "alter", sql, "grant_default", requires=requires))
            ungranting = sorted(
                p.rstrip("*")
                for p in old - new
                if p.endswith("*") and p.rstrip("*") in {q.rstrip("*") for q in new}
            )
            if ungranting:
                sql = f"{head} revoke grant option for {', '.join(ungranting)} on {word} from {target}"
                out.append(self.make(node, "alter", sql, "revoke_default", requires=requires))
        return out

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: DefaultAcl = node.item
        return self._changes(node, item, self._absent(item, ctx), self._effective(item, ctx), ctx)

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: DefaultAcl = node.item
        return self._changes(node, item, self._effective(item, ctx), self._absent(item, ctx), ctx)

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return self._changes(
            new, new.item, self._effective(old.item, ctx), self._effective(new.item, ctx), ctx
        )

    def owner_of(self, node: Node) -> None:
        return None
