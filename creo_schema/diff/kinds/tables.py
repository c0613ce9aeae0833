"""Tables (plain, partitioned, foreign).

Every ALTER TABLE subcommand is used where PostgreSQL has one: columns are added, dropped,
retyped, made (not) null, identity or generated, given storage, compression and statistics;
tables attach and detach partitions, gain and lose parents, change persistence, storage
parameters, row level security and replica identity. A table is only ever replaced where
PostgreSQL cannot alter it (its partition key, its kind), which loses its rows: the plan
says so (deletes_data).
"""

from __future__ import annotations

from collections.abc import Iterable

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Column, Relation
from creo_schema.diff.change import Change
from creo_schema.diff.effects import (
    EXCLUSIVE,
    NONE,
    Effects,
    LastPhase,
    Lock,
)
from creo_schema.diff.kinds.base import (
    REPLACE,
    Altered,
    Context,
    Kind,
    Refused,
    parameter_changes,
)
from creo_schema.diff.kinds.clustering import cluster_changes
from creo_schema.diff.kinds.columns import (
    _column_extras,
    _partition_column_differences,
    column_definition,
)
from creo_schema.diff.kinds.foreign_data import option_changes, option_list, server_id
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.kinds.table_ids import column_id, default_id, relation_id, table_id
from creo_schema.diff.kinds.types import name_slot
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, qualified
from creo_schema.diff.quote import parts as name_parts


class TableKind(Kind):
    name = ObjectKind.TABLE

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        by_oid = {r.oid: r for r in snapshot.relations}
        for item in snapshot.relations:
            if not item.is_table:
                continue
            side.add(
                Node(
                    table_id(item.schema, item.name),
                    self.name,
                    item,
                    slot=name_slot(item.schema, item.name),
                ),
                ("pg_class", item.oid, 0),
            )
        # Columns of every relation: a view's are its own nodes too (what depends on one
        # column of a view, and comments on them, need an id), created with their view.
        for column in snapshot.columns:
            relation = by_oid.get(column.table_oid)
            if relation is None:
                continue
            parent = relation_id(relation)
            kind = ObjectKind.COLUMN if relation.is_table else ObjectKind.VIEW_COLUMN
            node_id = column_id(column.schema, column.table, column.name)
            side.add(
                Node(node_id, kind, column, parent=parent),
                ("pg_class", column.table_oid, column.attnum),
            )
            if column.default is not None and not column.generated:
                side.add(
                    Node(
                        default_id(column.schema, column.table, column.name),
                        ObjectKind.DEFAULT if relation.is_table else ObjectKind.VIEW_DEFAULT,
                        column,
                        parent=node_id,
                    ),
                    ("pg_attrdef", column.table_oid, column.attnum),
                )

    @staticmethod
    def sql_name(node: Node) -> str:
        return qualified(node.item.schema, node.item.name)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Relation = node.item
        columns = [
            ctx.desired.nodes[child].item
            for child in ctx.desired.children.get(node.id, ())
            if ctx.desired.nodes[child].kind == "column"
        ]
        columns.sort(key=lambda c: c.position)
        own = [c for c in columns if not c.inherited]
        sql, requires = _create_table_sql(item, self.sql_name(node), own)
        creates = [
            node.id,
            *(column_id(c.schema, c.table, c.name) for c in columns),
            *(
                default_id(c.schema, c.table, c.name)
                for c in own
                if c.default is not None and not c.generated
            ),
        ]
        out = [
            self.make(
                node,
                "create",
                sql,
                "create_table",
                table=node.id,
                creates=creates,
                requires=requires,
                takes_room=f"bounds:{item.partition_of}" if item.partition_of else None,
            )
        ]
        for column in own:
            out += _column_extras(self, node, column, ctx)
        if item.partition_of:
            parent = ctx.desired.by_oid.get(("pg_class", item.partition_parent_oid or 0, 0))
            for column in columns:
                if column.inherited:
                    out += _partition_column_differences(self, node, column, parent, ctx)
        out += self._settings(node, None, item, ctx)
        return out

    def _settings(
        self, node: Node, before: Relation | None, after: Relation, ctx: Context
    ) -> list[Change]:
        """Row level security, replica identity and the type of a typed table: set after
        the table exists (its columns are the type's, so ALTER TABLE ... OF accepts it)."""
        out = self._of_type(node, before, after)
        out += self._row_level_security(node, before, after)
        out += self._replica_identity(node, before, after, ctx)
        if after.kind != "foreign table":
            out += cluster_changes(self, node, before, after, ctx)
        return out

    def _of_type(self, node: Node, before: Relation | None, after: Relation) -> list[Change]:
        """NOT OF and OF where a typed table's type differs."""
        name = self.sql_name(node)
        out = []
        was_of = before.of_type if before else None
        if after.of_type != was_of:
            if was_of:
                out.append(
                    self.make(node, "alter", f"alter table {name} not of", "not_of", table=node.id)
                )
            if after.of_type:
                sql = f"alter table {name} of {after.of_type}"
                out.append(self.make(node, "alter", sql, "of_type", table=node.id))
        return out

    def _row_level_security(
        self, node: Node, before: Relation | None, after: Relation
    ) -> list[Change]:
        """Row level security enabled or disabled, forced or not."""
        name = self.sql_name(node)
        out = []
        was_enabled = before.rls_enabled if before else False
        was_forced = before.rls_forced if before else False
        # Turning row level security off, or no longer forcing it on the owner, lets the
        # rows policies kept out be read.
        if after.rls_enabled != was_enabled:
            verb = "enable" if after.rls_enabled else "disable"
            out.append(
                self.make(
                    node,
                    "alter",
                    f"alter table {name} {verb} row level security",
                    f"{verb}_rls",
                    table=node.id,
                    effects=Effects(
                        lock=Lock.ACCESS_EXCLUSIVE, widens_access=not after.rls_enabled
                    ),
                )
            )
        if after.rls_forced != was_forced:
            verb = "force" if after.rls_forced else "no force"
            out.append(
                self.make(
                    node,
                    "alter",
                    f"alter table {name} {verb} row level security",
                    f"{verb.replace(' ', '_')}_rls",
                    table=node.id,
                    effects=Effects(lock=Lock.ACCESS_EXCLUSIVE, widens_access=not after.rls_forced),
                )
            )
        return out

    def _replica_identity(
        self, node: Node, before: Relation | None, after: Relation, ctx: Context
    ) -> list[Change]:
        """REPLICA IDENTITY where it differs (a foreign table has none)."""
        old_identity = (
            (before.replica_identity, before.replica_index) if before else ("default", None)
        )
        if (
            after.replica_identity,
            after.replica_index,
        ) == old_identity or after.kind == "foreign table":
            return []
        if after.replica_identity == "index" and after.replica_index:
            what = f"using index {ident(after.replica_index)}"
            # the index of a unique or primary key constraint is the constraint's node
            key = f"constraint:{qualified(after.schema, after.name)}.{ident(after.replica_index)}"
            index = f"index:{qualified(after.schema, after.replica_index)}"
            requires = [key if key in ctx.desired.nodes else index]
            # and after its columns' changes (the index's columns must be NOT NULL)
            requires += [
                child
                for child in ctx.desired.children.get(node.id, ())
                if child.startswith("column:")
            ]
            # The index's columns must be NOT NULL, which an online SET NOT NULL (through
            # a check) makes true only in the last phase.
            effects = Effects(lock=Lock.ACCESS_EXCLUSIVE, online=LastPhase())
        else:
            what, requires, effects = after.replica_identity, [], EXCLUSIVE
        return [
            self.make(
                node,
                "alter",
                f"alter table {self.sql_name(node)} replica identity {what}",
                "replica_identity",
                table=node.id,
                requires=requires,
                effects=effects,
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        foreign = node.item.kind == "foreign table"
        word = "foreign table" if foreign else "table"
        return [
            self.make(
                node,
                "drop",
                f"drop {word} {self.sql_name(node)}",
                "drop_table",
                table=node.id,
                # a foreign table's rows are its server's: none is lost here
                effects=Effects(lock=Lock.ACCESS_EXCLUSIVE, deletes_data=not foreign),
                frees_room=f"bounds:{node.item.partition_of}" if node.item.partition_of else None,
            )
        ]

    def is_rebuildable(self, node: Node) -> bool:
        return bool(node.item.kind == "foreign table")  # its rows are the server's

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Relation = old.item
        b: Relation = new.item
        if (a.kind, a.partition_key) != (b.kind, b.partition_key):
            return REPLACE
        if a.kind == "foreign table" and a.foreign_server != b.foreign_server:
            return REPLACE
        name = self.sql_name(new)
        out = self._partition_changes(new, a, b)
        out += self._inheritance_changes(new, a, b, ctx)
        if a.unlogged != b.unlogged:
            out.append(
                self._altered(
                    new,
                    f"alter table {name} set {'unlogged' if b.unlogged else 'logged'}",
                    "set_logged",
                    Effects(lock=Lock.ACCESS_EXCLUSIVE, rewrites=True),
                )
            )
        if a.options != b.options:
            out += _storage_parameters(self, new, "table", name, a.options, b.options)
        if a.kind == "foreign table" and a.foreign_options != b.foreign_options:
            changes = option_changes(a.foreign_options, b.foreign_options, f"foreign table {name}")
            sql = f"alter foreign table {name} options ({changes})"
            out.append(self._altered(new, sql, "foreign_options", NONE))
        out += self._settings(new, a, b, ctx)
        return out

    def _altered(
        self,
        node: Node,
        sql: str,
        operation: str,
        effects: Effects = EXCLUSIVE,
        requires: Iterable[str] = (),
        **rooms: str,  # takes_room, frees_room
    ) -> Change:
        """One ALTER of the table `node`."""
        return self.make(
            node,
            "alter",
            sql,
            operation,
            table=node.id,
            requires=requires,
            effects=effects,
            **rooms,
        )

    def _partition_changes(self, node: Node, a: Relation, b: Relation) -> list[Change]:
        """DETACH from the old parent and ATTACH to the new one where the partition's parent
        or bound differs."""
        if (a.partition_of, a.partition_bound) == (b.partition_of, b.partition_bound):
            return []
        name = self.sql_name(node)
        out = []
        if a.partition_of:
            out.append(
                self._altered(
                    node,
                    f"alter table {a.partition_of} detach partition {name}",
                    "detach_partition",
                    frees_room=f"bounds:{a.partition_of}",
                )
            )
        if b.partition_of:
            out.append(
                self._altered(
                    node,
                    f"alter table {b.partition_of} attach partition {name} {b.partition_bound}",
                    "attach_partition",
                    takes_room=f"bounds:{b.partition_of}",
                )
            )
        return out

    def _inheritance_changes(
        self, node: Node, a: Relation, b: Relation, ctx: Context
    ) -> list[Change]:
        """NO INHERIT for the parents lost, INHERIT for those gained."""
        name = self.sql_name(node)
        out = [
            self._altered(
                node,
                f"alter table {name} no inherit {parent}",
                "no_inherit",
                frees_room=f"inherits:{node.id}",
            )
            for parent in a.inherits
            if parent not in b.inherits
        ]
        gained = [parent for parent in b.inherits if parent not in a.inherits]
        if gained:
            _refuse_missing_inherited(node, gained, ctx)
            # after the table's own columns are added: INHERIT needs those the parent has
            own = [
                child
                for child in ctx.desired.children.get(node.id, ())
                if ctx.desired.nodes[child].kind == "column"
                and not ctx.desired.nodes[child].item.inherited
            ]
            for parent in gained:
                sql = f"alter table {name} inherit {parent}"
                out.append(self._altered(node, sql, "inherit", requires=own))
        return out

    def comment_target(self, node: Node) -> str:
        word = "foreign table" if node.item.kind == "foreign table" else "table"
        return f"{word} {self.sql_name(node)}"

    def grant_target(self, node: Node) -> str:
        return f"table {self.sql_name(node)}"

    def owner_target(self, node: Node) -> str:
        word = "foreign table" if node.item.kind == "foreign table" else "table"
        return f"{word} {self.sql_name(node)}"


def _create_table_sql(item: Relation, name: str, own: list[Column]) -> tuple[str, list[str]]:
    """CREATE TABLE (or FOREIGN TABLE, or PARTITION OF) with the table's `own` columns, and
    what it requires: its schema, and a foreign table's server."""
    body = ",\n  ".join(column_definition(c) for c in own)
    word = {"foreign table": "foreign table"}.get(item.kind, "table")
    if item.partition_of:
        sql = f"create {word} {name} partition of {item.partition_of}"
        sql += f"\n  {item.partition_bound}"
    else:
        unlogged = "unlogged " if item.unlogged else ""
        sql = (
            f"create {unlogged}{word} {name} (\n  {body}\n)"
            if body
            else f"create {unlogged}{word} {name} ()"
        )
        if item.inherits:
            sql += f" inherits ({', '.join(item.inherits)})"
    if item.partition_key:
        sql += f" partition by {item.partition_key}"
    if item.options:
        sql += f" with ({', '.join(item.options)})"
    requires = [schema_id(item.schema)]
    if item.kind == "foreign table":
        sql += f" server {item.foreign_server}"
        if item.foreign_options:
            sql += f" options ({option_list(item.foreign_options, f'foreign table {name}')})"
        requires.append(server_id(name_parts(item.foreign_server or "")[0]))
    return sql, requires


def _storage_parameters(
    kind: Kind, node: Node, word: str, name: str, before: tuple[str, ...], after: tuple[str, ...]
) -> list[Change]:
    out = []
    reset, changed = parameter_changes(before, after)
    if reset:
        out.append(
            kind.make(
                node,
                "alter",
                f"alter {word} {name} reset ({', '.join(reset)})",
                "reset_storage_parameters",
                table=node.id if word == "table" else "",
                effects=EXCLUSIVE,
            )
        )
    if changed:
        out.append(
            kind.make(
                node,
                "alter",
                f"alter {word} {name} set ({', '.join(changed)})",
                "set_storage_parameters",
                table=node.id if word == "table" else "",
                effects=EXCLUSIVE,
            )
        )
    return out


def _refuse_missing_inherited(table: Node, gained: list[str], ctx: Context) -> None:
    """ALTER TABLE ... INHERIT needs the table to have the parent's columns already, and
    keeps them its own: a column the desired table has only through a parent it gains, which
    has the column already, cannot be reached. (One the parent gains in the same plan can:
    ADD COLUMN on the parent reaches the table once it inherits.)"""
    missing = []
    for child in ctx.desired.children.get(table.id, ()):
        node = ctx.desired.nodes[child]
        if node.kind != "column" or not node.item.inherited or child in ctx.current.nodes:
            continue
        name = node.item.name
        missing += [
            f"{name} (from {parent})"
            for parent in gained
            if f"column:{parent}.{ident(name)}" in ctx.current.nodes
        ]
    if missing:
        raise Refused(
            f"table {table.item.schema}.{table.item.name} is to inherit {', '.join(gained)} but "
            f"lacks column {', '.join(missing)}: ALTER TABLE ... INHERIT needs the table to "
            "have it, and keeps it the table's own: declare the column in the table's CREATE "
            "TABLE too (CREATE TABLE ... INHERITS merges it the same way)"
        )
