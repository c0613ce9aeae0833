"""What lives on a table besides columns, constraints and indexes: triggers, row level
security policies, rewrite rules and extended statistics.

A policy changes in place (ALTER POLICY) when only its roles or expressions change; its
command or whether it is permissive cannot change, so then it is replaced. A trigger is
replaced with CREATE OR REPLACE TRIGGER (a constraint trigger has none: dropped and
created); enabling and disabling is ALTER TABLE. A trigger on a platform table (auth.users)
that calls one of ours is ours too.
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Policy, Rule, Statistics, Trigger
from creo_schema.diff.access import policy_widens
from creo_schema.diff.change import Change
from creo_schema.diff.effects import EXCLUSIVE, Effects
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.kinds.table_ids import table_id
from creo_schema.diff.objects import Node, Side, relation_ids
from creo_schema.diff.quote import ident, qualified, role

_ENABLE = {
    "O": "enable",
    "D": "disable",
    "R": "enable replica",
    "A": "enable always",
}


class _OnTable(Kind):
    prefix = ""
    rebuildable = True

    def _node(self, item: Trigger | Policy | Rule, parents: dict[int, str]) -> Node:
        node_id = f"{self.prefix}:{qualified(item.schema, item.table)}.{ident(item.name)}"
        parent = parents.get(item.table_oid, table_id(item.schema, item.table))
        return Node(node_id, self.name, item, parent=parent, slot=node_id)

    @staticmethod
    def _on(node: Node) -> str:
        return f"{ident(node.item.name)} on {qualified(node.item.schema, node.item.table)}"

    def comment_target(self, node: Node) -> str:
        return f"{self.name} {self._on(node)}"

    def owner_of(self, node: Node) -> None:
        return None


class TriggerKind(_OnTable):
    name = ObjectKind.TRIGGER
    prefix = "trigger"

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        parents = relation_ids(snapshot)
        for item in snapshot.triggers:
            side.add(self._node(item, parents), ("pg_trigger", item.oid, 0))

    def _enabled(self, node: Node) -> list[Change]:
        item: Trigger = node.item
        table = qualified(item.schema, item.table)
        sql = f"alter table {table} {_ENABLE[item.enabled]} trigger {ident(item.name)}"
        return [
            self.make(
                node, "alter", sql, "enable_trigger", table=node.parent or "", effects=EXCLUSIVE
            )
        ]

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Trigger = node.item
        out = [self.make(node, "create", item.definition, table=node.parent or "")]
        if item.enabled != "O":
            out += self._enabled(node)
        return out

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop trigger {self._on(node)}", table=node.parent or "")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Trigger = old.item
        b: Trigger = new.item
        out: list[Change] = []
        if a.definition != b.definition:
            if b.definition.startswith("CREATE CONSTRAINT TRIGGER") or a.definition.startswith(
                "CREATE CONSTRAINT TRIGGER"
            ):
                return REPLACE
            sql = b.definition.replace("CREATE TRIGGER", "CREATE OR REPLACE TRIGGER", 1)
            out.append(self.make(new, "alter", sql, "replace_trigger", table=new.parent or ""))
        if a.enabled != b.enabled:
            out += self._enabled(new)
        return out


class PolicyKind(_OnTable):
    name = ObjectKind.POLICY
    prefix = "policy"

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        parents = relation_ids(snapshot)
        for item in snapshot.policies:
            side.add(self._node(item, parents), ("pg_policy", item.oid, 0))

    @staticmethod
    def _effects(before: Policy | None, after: Policy | None) -> Effects:
        """Whether the change may let more rows or roles through (diff/access.py)."""

        def shape(p: Policy | None) -> dict[str, object] | None:
            if p is None:
                return None
            return {
                "permissive": p.permissive,
                "command": p.command,
                "roles": list(p.roles),
                "using": p.using,
                "with_check": p.with_check,
            }

        return Effects(widens_access=policy_widens(shape(before), shape(after)))

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Policy = node.item
        sql = (
            f"create policy {self._on(node)}\n  as {'permissive' if item.permissive else 'restrictive'}"
            f" for {item.command} to {', '.join(role(r) for r in item.roles)}"
        )
        if item.using is not None:
            sql += f"\n  using ({item.using})"
        if item.with_check is not None:
            sql += f"\n  with check ({item.with_check})"
        return [
            self.make(
                node,
                "create",
                sql,
                table=node.parent or "",
                effects=self._effects(None, item),
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [
            self.make(
                node,
                "drop",
                f"drop policy {self._on(node)}",
                table=node.parent or "",
                effects=self._effects(node.item, None),
            )
        ]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Policy = old.item
        b: Policy = new.item
        if (a.permissive, a.command) != (b.permissive, b.command):
            return REPLACE
        if (a.using is not None and b.using is None) or (
            a.with_check is not None and b.with_check is None
        ):
            return REPLACE  # ALTER POLICY sets an expression, it cannot take one away
        clauses = []
        if a.roles != b.roles:
            clauses.append(f"to {', '.join(role(r) for r in b.roles)}")
        if a.using != b.using:
            clauses.append(f"using ({b.using})")
        if a.with_check != b.with_check:
            clauses.append(f"with check ({b.with_check})")
        if not clauses:
            return []
        sql = f"alter policy {self._on(new)}\n  " + "\n  ".join(clauses)
        return [
            self.make(
                new,
                "alter",
                sql,
                "alter_policy",
                table=new.parent or "",
                effects=self._effects(a, b),
            )
        ]


class RuleKind(_OnTable):
    name = ObjectKind.RULE
    prefix = "rule"

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        parents = relation_ids(snapshot)
        for item in snapshot.rules:
            side.add(self._node(item, parents), ("pg_rewrite", item.oid, 0))

    @staticmethod
    def _definition(item: Rule) -> str:
        return item.definition.strip().rstrip(";")

    def _enabled(self, node: Node) -> list[Change]:
        item: Rule = node.item
        table = qualified(item.schema, item.table)
        sql = f"alter table {table} {_ENABLE[item.enabled]} rule {ident(item.name)}"
        return [
            self.make(node, "alter", sql, "enable_rule", table=node.parent or "", effects=EXCLUSIVE)
        ]

    def create(self, node: Node, ctx: Context) -> list[Change]:
        out = [self.make(node, "create", self._definition(node.item), table=node.parent or "")]
        if node.item.enabled != "O":
            out += self._enabled(node)
        return out

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop rule {self._on(node)}", table=node.parent or "")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        out: list[Change] = []
        if old.item.definition != new.item.definition:
            sql = self._definition(new.item).replace("CREATE RULE", "CREATE OR REPLACE RULE", 1)
            out.append(self.make(new, "alter", sql, "replace_rule", table=new.parent or ""))
        if old.item.enabled != new.item.enabled:
            out += self._enabled(new)
        return out


class StatisticsKind(Kind):
    name = ObjectKind.STATISTICS
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        parents = relation_ids(snapshot)
        for item in snapshot.statistics:
            node_id = f"statistics:{qualified(item.schema, item.name)}"
            side.add(
                Node(
                    node_id,
                    self.name,
                    item,
                    parent=parents.get(item.table_oid),
                    slot=node_id,
                ),
                ("pg_statistic_ext", item.oid, 0),
            )

    @staticmethod
    def sql_name(node: Node) -> str:
        return qualified(node.item.schema, node.item.name)

    def _target(self, node: Node) -> Change:
        item: Statistics = node.item
        target = item.target if item.target is not None else -1
        return self.make(
            node, "alter", f"alter statistics {self.sql_name(node)} set statistics {target}"
        )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Statistics = node.item
        out = [self.make(node, "create", item.definition)]
        if item.target is not None:
            out.append(self._target(node))
        return out

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop statistics {self.sql_name(node)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        if old.item.definition != new.item.definition:
            return REPLACE
        return [self._target(new)] if old.item.target != new.item.target else []

    def comment_target(self, node: Node) -> str:
        return f"statistics {self.sql_name(node)}"

    def owner_target(self, node: Node) -> str:
        return f"statistics {self.sql_name(node)}"
