"""Table constraints and indexes.

A constraint backed by an index (primary key, unique, exclusion) owns that index: the
index has no node of its own, and what depends on the index (a foreign key referencing the
key) depends on the constraint. An index a partition has because its partitioned parent has
one comes with the parent's, as do the constraints a partition inherits.
"""

from __future__ import annotations

import re

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Constraint, Index
from creo_schema.diff.change import Change
from creo_schema.diff.effects import (
    ConcurrentBuild,
    ConstraintHolds,
    Effects,
    Lock,
    NotValidThenValidate,
    Step,
    Transaction,
    UniqueIndexHolds,
)
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind, parameter_changes
from creo_schema.diff.kinds.clustering import cluster_on_created
from creo_schema.diff.kinds.table_ids import table_id
from creo_schema.diff.kinds.types import name_slot
from creo_schema.diff.objects import Node, Side, relation_ids
from creo_schema.diff.quote import ident, qualified

_DEFERRAL = re.compile(r"( NOT)? DEFERRABLE( INITIALLY (DEFERRED|IMMEDIATE))?")
# The constraints that own an index: adding one builds it, dropping one drops it.
_INDEXED = ("primary key", "unique", "exclusion")
# ADD FOREIGN KEY, ALTER CONSTRAINT: SHARE ROW EXCLUSIVE (on both tables): writes wait.
_WRITES_WAIT = Effects(lock=Lock.SHARE_ROW_EXCLUSIVE)


def constraint_id(schema: str, table: str, name: str) -> str:
    return f"constraint:{qualified(schema, table)}.{ident(name)}"


class ConstraintKind(Kind):
    name = ObjectKind.CONSTRAINT
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        index_oids = {(i.table_oid, i.name): i.oid for i in snapshot.indexes}
        parents = relation_ids(snapshot)
        for item in snapshot.constraints:
            if item.kind == "trigger":
                # A constraint trigger's own row: the trigger (kinds/table_objects.py) is it.
                trigger = f"trigger:{qualified(item.schema, item.table)}.{ident(item.name)}"
                side.by_oid[("pg_constraint", item.oid, 0)] = trigger
                continue
            if item.inherited or not item.table:
                continue
            slot = (
                name_slot(item.schema, item.index)
                if item.index
                else f"con:{qualified(item.schema, item.table)}.{ident(item.name)}"
            )
            oids = [("pg_constraint", item.oid, 0)]
            if item.index and (item.table_oid, item.index) in index_oids:
                oids.append(("pg_class", index_oids[(item.table_oid, item.index)], 0))
            side.add(
                Node(
                    constraint_id(item.schema, item.table, item.name),
                    self.name,
                    item,
                    parent=parents.get(item.table_oid, table_id(item.schema, item.table)),
                    slot=slot,
                ),
                *oids,
            )

    @staticmethod
    def _table(item: Constraint) -> str:
        return qualified(item.schema, item.table)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Constraint = node.item
        sql = f"alter table {self._table(item)} add constraint {ident(item.name)} {item.definition}"
        operation = "add_foreign_key" if item.kind == "foreign key" else "add_constraint"
        table = ctx.desired.nodes.get(table_id(item.schema, item.table))
        partitioned = table is not None and table.item.kind == "partitioned table"
        return [
            self.make(
                node,
                "create",
                sql,
                operation,
                table=table_id(item.schema, item.table),
                effects=self._added(item, sql, partitioned=partitioned),
            ),
            *(cluster_on_created(self, node, item.index, ctx) if item.index else ()),
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: Constraint = node.item
        sql = f"alter table {self._table(item)} drop constraint {ident(item.name)}"
        effects = Effects(lock=Lock.ACCESS_EXCLUSIVE, drops_index=item.kind in _INDEXED)
        return [
            self.make(
                node,
                "drop",
                sql,
                "drop_constraint",
                table=table_id(item.schema, item.table),
                effects=effects,
            )
        ]

    def _added(self, item: Constraint, sql: str, *, partitioned: bool) -> Effects:
        """ADD CONSTRAINT: ACCESS EXCLUSIVE, but SHARE ROW EXCLUSIVE for a foreign key;
        a key builds its index under it. Every row must hold it, unless it is added NOT VALID.
        On a table that stays online a check or foreign key is added NOT VALID, then
        validated (writes go on) - except one NOT ENFORCED (PostgreSQL 18: never validated),
        and a foreign key on a partitioned table, which PostgreSQL before 18 refuses NOT
        VALID."""
        lock = Lock.SHARE_ROW_EXCLUSIVE if item.kind == "foreign key" else Lock.ACCESS_EXCLUSIVE
        checked = "NOT VALID" not in item.definition
        online = None
        if (
            item.kind in ("check", "foreign key")
            and checked
            and item.enforced
            and not (item.kind == "foreign key" and partitioned)
        ):
            validate = f"alter table {self._table(item)} validate constraint {ident(item.name)}"
            online = NotValidThenValidate(
                Step(f"{sql} not valid", Effects(lock=lock)),
                Step(validate, Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE)),
            )
        return Effects(
            lock=lock,
            builds_index=item.kind in _INDEXED,
            online=online,
            rows=ConstraintHolds(item.kind, item.name, item.definition, item.columns)
            if checked
            else None,
        )

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        result = self._alter_definition(old, new)
        if isinstance(result, list) and old.item.index and new.item.index:
            # The key's index has storage parameters of its own, which the constraint's
            # definition does not print: ALTER INDEX changes them in place.
            before = ctx.current.index_options(old.item.schema, old.item.index)
            after = ctx.desired.index_options(new.item.schema, new.item.index)
            if before != after:
                result += _index_option_changes(
                    self, new, qualified(new.item.schema, new.item.index), before, after
                )
        return result

    def same(self, old: Node, new: Node, ctx: Context) -> bool:
        if old.item != new.item:
            return False
        if not (old.item.index and new.item.index):
            return True
        before = ctx.current.index_options(old.item.schema, old.item.index)
        return before == ctx.desired.index_options(new.item.schema, new.item.index)

    def _alter_definition(self, old: Node, new: Node) -> Altered:
        a: Constraint = old.item
        b: Constraint = new.item
        table = self._table(b)
        name = ident(b.name)
        if (a.kind, a.no_inherit, a.enforced) != (b.kind, b.no_inherit, b.enforced):
            return REPLACE
        before, after = a.definition, b.definition
        out: list[Change] = []
        if before.removesuffix(" NOT VALID") == after and not a.validated and b.validated:
            sql = f"alter table {table} validate constraint {name}"
            return [
                self.make(
                    new,
                    "alter",
                    sql,
                    "validate_constraint",
                    table=table_id(b.schema, b.table),
                    effects=Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE),  # writes go on
                )
            ]
        if before == after:
            return out
        if (
            a.kind == "foreign key"
            and _DEFERRAL.sub("", before) == _DEFERRAL.sub("", after)
            and a.validated == b.validated
        ):
            timing = ("deferrable" if b.deferrable else "not deferrable") + (
                " initially deferred" if b.deferred else " initially immediate"
            )
            sql = f"alter table {table} alter constraint {name} {timing}"
            return [
                self.make(
                    new,
                    "alter",
                    sql,
                    "alter_constraint",
                    table=table_id(b.schema, b.table),
                    effects=_WRITES_WAIT,
                )
            ]
        return REPLACE

    def comment_target(self, node: Node) -> str:
        item: Constraint = node.item
        return f"constraint {ident(item.name)} on {self._table(item)}"

    def owner_of(self, node: Node) -> None:
        return None


def _statistics_targets(
    kind: Kind, node: Node, before: tuple[str, ...], after: tuple[str, ...]
) -> list[Change]:
    """ALTER INDEX ... ALTER COLUMN n SET STATISTICS for each target that changes (-1, the
    default, for one that goes)."""
    old_targets = dict(t.split("=", 1) for t in before)
    new_targets = dict(t.split("=", 1) for t in after)
    name = qualified(node.item.schema, node.item.name)
    return [
        kind.make(
            node,
            "alter",
            f"alter index {name} alter column {number} set statistics {target}",
            "index_statistics",
        )
        for number in sorted({*old_targets, *new_targets}, key=int)
        if (target := new_targets.get(number, "-1")) != old_targets.get(number, "-1")
    ]


def _index_option_changes(
    kind: Kind, node: Node, name: str, before: tuple[str, ...], after: tuple[str, ...]
) -> list[Change]:
    out = []
    reset, changed = parameter_changes(before, after)
    if reset:
        out.append(
            kind.make(
                node, "alter", f"alter index {name} reset ({', '.join(reset)})", "alter_index"
            )
        )
    if changed:
        out.append(
            kind.make(
                node, "alter", f"alter index {name} set ({', '.join(changed)})", "alter_index"
            )
        )
    return out


def _without_with(definition: str) -> str:
    """An index definition without its WITH (storage parameters) clause."""
    at = definition.find(" WITH (")
    while at != -1:
        depth, end = 0, at + len(" WITH ")
        for end in range(at + len(" WITH "), len(definition)):
            if definition[end] == "(":
                depth += 1
            elif definition[end] == ")":
                depth -= 1
                if depth == 0:
                    break
        rest = definition[end + 1 :]
        if rest == "" or rest.startswith((" WHERE ", " TABLESPACE ")):
            return definition[:at] + rest
        at = definition.find(" WITH (", at + 1)
    return definition


def _built(item: Index, sql: str) -> Effects:
    """CREATE INDEX: SHARE (writes wait) while it reads the table; a unique one fails on
    rows sharing its key. On a table that stays online it is built CONCURRENTLY instead,
    outside any transaction - not a partitioned table's (PostgreSQL cannot)."""
    online = None
    for head in ("CREATE UNIQUE INDEX ", "CREATE INDEX "):
        if sql.startswith(head) and not item.partitioned:
            concurrent = f"{head}CONCURRENTLY {sql.removeprefix(head)}"
            online = ConcurrentBuild(
                Step(
                    concurrent,
                    Effects(
                        lock=Lock.SHARE_UPDATE_EXCLUSIVE,
                        builds_index=True,
                        transaction=Transaction.OUTSIDE,
                    ),
                )
            )
            break
    return Effects(
        lock=Lock.SHARE,
        builds_index=True,
        online=online,
        rows=UniqueIndexHolds(item.name, item.key_columns, item.predicate) if item.unique else None,
    )


class IndexKind(Kind):
    name = ObjectKind.INDEX
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        parents = relation_ids(snapshot)
        for item in snapshot.indexes:
            if item.constraint or item.parent_index:
                continue  # a constraint's own, or the copy of a partitioned parent's
            side.add(
                Node(
                    f"index:{qualified(item.schema, item.name)}",
                    self.name,
                    item,
                    parent=parents.get(item.table_oid, table_id(item.schema, item.table)),
                    slot=name_slot(item.schema, item.name),
                ),
                ("pg_class", item.oid, 0),
            )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Index = node.item
        # A partitioned table's index is printed ON ONLY (the parent alone); created plainly
        # it is made on every partition too, which is what the desired state holds.
        sql = (
            item.definition.replace(" ON ONLY ", " ON ", 1) if item.partitioned else item.definition
        )
        made = self.make(
            node, "create", sql, "create_index", table=node.parent or "", effects=_built(item, sql)
        )
        return [
            made,
            *_statistics_targets(self, node, (), item.statistics_targets),
            *cluster_on_created(self, node, item.name, ctx),
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: Index = node.item
        return [
            self.make(
                node,
                "drop",
                f"drop index {qualified(item.schema, item.name)}",
                "drop_index",
                table=node.parent or "",
                effects=Effects(drops_index=True),  # reported so; DROP INDEX locks the table
            )
        ]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Index = old.item
        b: Index = new.item
        if _without_with(a.definition) != _without_with(b.definition):
            return REPLACE
        out = _statistics_targets(self, new, a.statistics_targets, b.statistics_targets)
        if a.options == b.options:
            return out
        name = qualified(b.schema, b.name)
        return [*_index_option_changes(self, new, name, a.options, b.options), *out]

    def comment_target(self, node: Node) -> str:
        return f"index {qualified(node.item.schema, node.item.name)}"

    def owner_of(self, node: Node) -> None:
        return None
