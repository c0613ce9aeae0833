"""Tables (plain, partitioned, foreign), their columns and their column defaults.

Every ALTER TABLE subcommand is used where PostgreSQL has one: columns are added, dropped,
retyped, made (not) null, identity or generated, given storage, compression and statistics;
tables attach and detach partitions, gain and lose parents, change persistence, storage
parameters, row level security and replica identity. A table is only ever replaced where
PostgreSQL cannot alter it (its partition key, its kind), which loses its rows: the plan
says so (deletes_data).

A column whose type changes takes the views, rules, policies and triggers that read it
down and puts them back around the change (PostgreSQL refuses the change while they stand);
so do identity changes, which replace the column's default. The column change says so by
dropping and creating the column's id in the same change (see diff/expand.py).
"""

from __future__ import annotations

import hashlib

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.model import Column, Relation, Sequence
from creo_schema.diff.change import Change
from creo_schema.diff.column_types import formatted_change
from creo_schema.diff.effects import (
    EXCLUSIVE,
    NONE,
    Effects,
    LastPhase,
    Lock,
    NewColumnNeedsValues,
    NoNulls,
    NotNullThroughCheck,
    SequenceRestarts,
    Step,
    ValuesConvert,
)
from creo_schema.diff.kinds.base import (
    REPLACE,
    Altered,
    Context,
    Kind,
    Refused,
    parameter_changes,
)
from creo_schema.diff.kinds.foreign_data import option_changes, option_list, server_id
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.kinds.types import name_slot
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, qualified
from creo_schema.diff.quote import parts as name_parts

STRING_TYPES = ("text", "character varying", "character", "varchar", "bpchar", "name")

# A column dropped: its values go, under the table's lock.
DROPS_VALUES = Effects(lock=Lock.ACCESS_EXCLUSIVE, deletes_data=True)
# CLUSTER ON only marks an index (SHARE UPDATE EXCLUSIVE); an index built concurrently is
# there in the last phase.
_CLUSTER = Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE, online=LastPhase(after_builds=True))


def table_id(schema: str, name: str) -> str:
    return f"table:{qualified(schema, name)}"


def column_id(schema: str, table: str, name: str) -> str:
    return f"column:{qualified(schema, table)}.{ident(name)}"


def default_id(schema: str, table: str, name: str) -> str:
    return f"default:{qualified(schema, table)}.{ident(name)}"


def relation_id(relation: Relation) -> str:
    prefix = "view" if relation.kind in ("view", "materialized view") else "table"
    return f"{prefix}:{qualified(relation.schema, relation.name)}"


class TableKind(Kind):
    name = "table"
    rank = 10

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
            kind = "column" if relation.is_table else "view column"
            node_id = column_id(column.schema, column.table, column.name)
            side.add(
                Node(node_id, kind, column, parent=parent),
                ("pg_class", column.table_oid, column.attnum),
            )
            if column.default is not None and not column.generated:
                side.add(
                    Node(
                        default_id(column.schema, column.table, column.name),
                        "default" if relation.is_table else "view default",
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
        name = self.sql_name(node)
        columns = [
            ctx.desired.nodes[child].item
            for child in ctx.desired.children.get(node.id, ())
            if ctx.desired.nodes[child].kind == "column"
        ]
        columns.sort(key=lambda c: c.position)
        own = [c for c in columns if not c.inherited]
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
        old_identity = (
            (before.replica_identity, before.replica_index) if before else ("default", None)
        )
        if (
            after.replica_identity,
            after.replica_index,
        ) != old_identity and after.kind != "foreign table":
            if after.replica_identity == "index" and after.replica_index:
                what = f"using index {ident(after.replica_index)}"
                # the index of a unique or primary key constraint is the constraint's node
                key = (
                    f"constraint:{qualified(after.schema, after.name)}.{ident(after.replica_index)}"
                )
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
            out.append(
                self.make(
                    node,
                    "alter",
                    f"alter table {name} replica identity {what}",
                    "replica_identity",
                    table=node.id,
                    requires=requires,
                    effects=effects,
                )
            )
        if after.kind != "foreign table":
            out += cluster_changes(self, node, before, after, ctx)
        return out

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
        out: list[Change] = []

        def alter(sql: str, operation: str, effects: Effects = EXCLUSIVE, **extra: object) -> None:
            out.append(
                self.make(new, "alter", sql, operation, table=new.id, effects=effects, **extra)  # type: ignore[arg-type]
            )

        if (a.partition_of, a.partition_bound) != (b.partition_of, b.partition_bound):
            if a.partition_of:
                alter(
                    f"alter table {a.partition_of} detach partition {name}",
                    "detach_partition",
                    frees_room=f"bounds:{a.partition_of}",
                )
            if b.partition_of:
                alter(
                    f"alter table {b.partition_of} attach partition {name} {b.partition_bound}",
                    "attach_partition",
                    takes_room=f"bounds:{b.partition_of}",
                )
        for parent in a.inherits:
            if parent not in b.inherits:
                alter(
                    f"alter table {name} no inherit {parent}",
                    "no_inherit",
                    frees_room=f"inherits:{new.id}",
                )
        gained = [parent for parent in b.inherits if parent not in a.inherits]
        if gained:
            _refuse_missing_inherited(new, gained, ctx)
            # after the table's own columns are added: INHERIT needs those the parent has
            own = [
                child
                for child in ctx.desired.children.get(new.id, ())
                if ctx.desired.nodes[child].kind == "column"
                and not ctx.desired.nodes[child].item.inherited
            ]
            for parent in gained:
                alter(f"alter table {name} inherit {parent}", "inherit", requires=own)
        if a.unlogged != b.unlogged:
            alter(
                f"alter table {name} set {'unlogged' if b.unlogged else 'logged'}",
                "set_logged",
                Effects(lock=Lock.ACCESS_EXCLUSIVE, rewrites=True),
            )
        if a.options != b.options:
            out += _storage_parameters(self, new, "table", name, a.options, b.options)
        if a.kind == "foreign table" and a.foreign_options != b.foreign_options:
            changes = option_changes(a.foreign_options, b.foreign_options, f"foreign table {name}")
            alter(f"alter foreign table {name} options ({changes})", "foreign_options", NONE)
        out += self._settings(new, a, b, ctx)
        return out

    def comment_target(self, node: Node) -> str:
        word = "foreign table" if node.item.kind == "foreign table" else "table"
        return f"{word} {self.sql_name(node)}"

    def grant_target(self, node: Node) -> str:
        return f"table {self.sql_name(node)}"

    def owner_target(self, node: Node) -> str:
        word = "foreign table" if node.item.kind == "foreign table" else "table"
        return f"{word} {self.sql_name(node)}"


def column_definition(column: Column, *, with_default: bool = True) -> str:
    parts = [ident(column.name), column.type]
    if column.fdw_options:  # a foreign table's column
        what = f"column {qualified(column.schema, column.table)}.{ident(column.name)}"
        parts.append(f"options ({option_list(column.fdw_options, what)})")
    if column.collation:
        parts.append(f"collate {column.collation}")
    if column.compression:
        parts.append(f"compression {column.compression}")
    if column.identity:
        how = "always" if column.identity == "a" else "by default"
        options = f" ({column.identity_options})" if column.identity_options else ""
        parts.append(f"generated {how} as identity{options}")
    elif column.generated:
        stored = "stored" if column.generated == "s" else "virtual"
        parts.append(f"generated always as ({column.default}) {stored}")
    elif column.default is not None and with_default:
        parts.append(f"default {column.default}")
    if column.not_null:
        parts.append("not null")
    return " ".join(parts)


def _column_extras(kind: Kind, table: Node, column: Column, ctx: Context) -> list[Change]:
    """What CREATE TABLE and ADD COLUMN cannot say: storage, statistics and options."""
    name = qualified(table.item.schema, table.item.name)
    out = []
    if column.storage:
        out.append(
            kind.make(
                table,
                "alter",
                f"alter table {name} alter column {ident(column.name)} set storage {column.storage}",
                "set_storage",
                table=table.id,
                effects=EXCLUSIVE,
            )
        )
    if column.statistics is not None:
        out.append(
            kind.make(
                table,
                "alter",
                f"alter table {name} alter column {ident(column.name)} set statistics {column.statistics}",
                "set_statistics",
                table=table.id,
                effects=EXCLUSIVE,  # reported so; PostgreSQL takes SHARE UPDATE EXCLUSIVE
            )
        )
    if column.options:
        out.append(
            kind.make(
                table,
                "alter",
                f"alter table {name} alter column {ident(column.name)} set ({', '.join(column.options)})",
                "column_options",
                table=table.id,
            )
        )
    return out


def _partition_column_differences(
    kind: Kind, table: Node, column: Column, parent_id: str | None, ctx: Context
) -> list[Change]:
    """A partition's own default or NOT NULL on a column it inherits, where the parent's
    differs (CREATE TABLE ... PARTITION OF gives it the parent's)."""
    parent = ctx.desired.nodes.get(parent_id) if parent_id else None
    if parent is None:
        return []
    inherited = ctx.desired.nodes.get(f"column:{parent.name}.{ident(column.name)}")
    if inherited is None:
        return []
    source: Column = inherited.item
    name = qualified(table.item.schema, table.item.name)
    out = []
    if column.default != source.default and not column.generated:
        sql = (
            f"alter table {name} alter column {ident(column.name)} set default {column.default}"
            if column.default is not None
            else f"alter table {name} alter column {ident(column.name)} drop default"
        )
        out.append(kind.make(table, "alter", sql, "set_default", table=table.id, effects=EXCLUSIVE))
    if column.not_null and not source.not_null:
        out.append(
            kind.make(
                table,
                "alter",
                f"alter table {name} alter column {ident(column.name)} set not null",
                "set_not_null",
                table=table.id,
                effects=set_not_null_effects(name, column.name),
            )
        )
    return out


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


class ColumnKind(Kind):
    name = "column"
    rank = 11

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        """Added with their tables (TableKind)."""

    def included_in_parent(self, node: Node) -> bool:
        return True  # CREATE TABLE lists them; a partition gets its parent's

    @staticmethod
    def _names(node: Node) -> tuple[str, str, str]:
        column: Column = node.item
        return qualified(column.schema, column.table), ident(column.name), node.parent or ""

    def create(self, node: Node, ctx: Context) -> list[Change]:
        column: Column = node.item
        if column.inherited:
            return []  # the parent's ADD COLUMN reaches it
        table, _, parent = self._names(node)
        has_value = column.default is not None or bool(column.identity) or bool(column.generated)
        creates = [node.id]
        if column.default is not None and not column.generated:
            creates.append(default_id(column.schema, column.table, column.name))
        out = [
            self.make(
                node,
                "create",
                f"alter table {table} add column {column_definition(column)}",
                "add_column",
                table=parent,
                creates=creates,
                effects=Effects(
                    lock=Lock.ACCESS_EXCLUSIVE,
                    # NOT NULL with no value to fill the existing rows with
                    rows=NewColumnNeedsValues(column.name)
                    if column.not_null and not has_value
                    else None,
                ),
            )
        ]
        table_node = ctx.desired.nodes.get(parent)
        if table_node is not None:
            out += _column_extras(self, table_node, column, ctx)
        return out

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        column: Column = node.item
        if column.inherited:
            return []
        table, name, parent = self._names(node)
        return [
            self.make(
                node,
                "drop",
                f"alter table {table} drop column {name}",
                "drop_column",
                table=parent,
                # a generated column's values are computed, a foreign table's column's are its
                # server's: nothing is lost (and no lock is reported)
                effects=NONE if column.generated or _foreign(ctx.current, parent) else DROPS_VALUES,
                takes_room=f"inherits:{parent}",  # after the table's NO INHERIT, if any
            )
        ]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Column = old.item
        b: Column = new.item
        table, name, parent = self._names(new)
        out: list[Change] = []
        prefix = f"alter table {table} alter column {name}"

        def alter(
            sql: str, operation: str, effects: Effects = EXCLUSIVE, invalidates: bool = False
        ) -> None:
            ids = [new.id] if invalidates else []
            out.append(
                self.make(
                    new,
                    "alter",
                    sql,
                    operation,
                    table=parent,
                    drops=ids,
                    creates=ids,
                    effects=effects,
                )
            )

        if a.inherited and b.inherited:
            return self._inherited(old, new, ctx)
        if b.inherited and not a.inherited and not _partition(ctx.desired, new):
            # ALTER TABLE ... INHERIT leaves a column the table has of its own its own (it is
            # merged, not handed over): no statement makes it the parent's only. (ATTACH
            # PARTITION does: a partition's columns are all its parent's.)
            raise Refused(
                f"column {new.name} would be inherited only, but the table has it of its own "
                "and ALTER TABLE ... INHERIT keeps it so: declare the column in the table's "
                "CREATE TABLE too (CREATE TABLE ... INHERITS merges it the same way)"
            )
        if bool(a.generated) != bool(b.generated) and b.generated:
            return REPLACE  # a plain column made generated: its values are replaced
        if a.generated and b.generated and (a.default != b.default or a.generated != b.generated):
            if ctx.major < 17 or a.generated != b.generated:
                return REPLACE  # computed values only: nothing is lost by dropping them
            alter(f"{prefix} set expression as ({b.default})", "set_expression")
        if a.generated and not b.generated:
            alter(f"{prefix} drop expression", "drop_expression")
        foreign = _foreign(ctx.desired, parent)
        if (a.type, a.collation) != (b.type, b.collation) and not b.inherited:
            collate = f" collate {b.collation}" if b.collation else ""
            # A foreign table's column takes no USING (its values are the server's), nor
            # does a generated one (its values are computed again).
            using = "" if foreign or b.generated else _using(name, a.type, b.type)
            alter(
                f"{prefix} type {b.type}{collate}{using}",
                "alter_column_type",
                type_change_effects(b.name, a.type, b.type, using=bool(using), foreign=foreign),
                invalidates=True,
            )
        if a.identity != b.identity:
            if not a.identity:
                how = "always" if b.identity == "a" else "by default"
                options = f" ({b.identity_options})" if b.identity_options else ""
                if not a.not_null:
                    # ADD ... AS IDENTITY needs the column NOT NULL already: at once, not
                    # through a check validated later (plan/rewrite.py)
                    alter(
                        f"{prefix} set not null",
                        "set_not_null",
                        Effects(lock=Lock.ACCESS_EXCLUSIVE, rows=NoNulls(b.name)),
                    )
                alter(
                    f"{prefix} add generated {how} as identity{options}",
                    "add_identity",
                    invalidates=True,
                )
            elif not b.identity:
                alter(f"{prefix} drop identity", "drop_identity", invalidates=True)
            else:
                how = "always" if b.identity == "a" else "by default"
                alter(f"{prefix} set generated {how}", "set_generated")
        if a.identity and b.identity and a.identity_options != b.identity_options:
            changes = _identity_option_changes(a.identity_options or "", b.identity_options or "")
            # As for a sequence of its own (kinds/sequences.py): bounds that close in may
            # leave the position outside them, so it restarts at its new start; the row
            # check refuses that for a sequence that has handed out values.
            restart = _identity_restart(a.identity_options or "", b.identity_options or "")
            sequence = _identity_sequence(ctx, old.id)
            if restart and sequence:
                changes += f" restart with {restart}"
            if changes:
                restarts = SequenceRestarts(sequence, restart) if restart and sequence else None
                alter(
                    f"{prefix} {changes}",
                    "identity_options",
                    Effects(lock=Lock.ACCESS_EXCLUSIVE, rows=restarts),
                )
        if a.identity and b.identity:
            renamed = self._identity_sequence_renamed(old, new, ctx)
            if renamed:
                alter(renamed, "rename_identity_sequence", NONE)
        if a.not_null != b.not_null and not (b.identity and not a.identity):
            if b.not_null:
                alter(f"{prefix} set not null", "set_not_null", set_not_null_effects(table, b.name))
            else:
                alter(f"{prefix} drop not null", "drop_not_null")
        if a.storage != b.storage:
            storage = b.storage or b.type_storage or "default"
            alter(f"{prefix} set storage {storage}", "set_storage")
        if a.compression != b.compression:
            alter(f"{prefix} set compression {b.compression or 'default'}", "set_compression")
        if a.statistics != b.statistics:
            target = b.statistics if b.statistics is not None else -1
            alter(f"{prefix} set statistics {target}", "set_statistics")
        if a.options != b.options:
            reset, changed = parameter_changes(a.options, b.options)
            if reset:
                alter(f"{prefix} reset ({', '.join(reset)})", "column_options", NONE)
            if changed:
                alter(f"{prefix} set ({', '.join(changed)})", "column_options", NONE)
        if a.fdw_options != b.fdw_options:
            what = f"column {table}.{name}"
            changes = option_changes(a.fdw_options, b.fdw_options, what)
            alter(
                f"alter foreign table {table} alter column {name} options ({changes})",
                "foreign_options",
                NONE,
            )
        return out

    @staticmethod
    def _identity_sequence_renamed(old: Node, new: Node, ctx: Context) -> str:
        """ALTER SEQUENCE ... RENAME where an identity's sequence is named otherwise (its
        SEQUENCE NAME); an owned sequence cannot change schema, so that is refused."""
        was = _identity_sequence_row(ctx.current, old.id)
        now = _identity_sequence_row(ctx.desired, new.id)
        if was is None or now is None or (was.schema, was.name) == (now.schema, now.name):
            return ""
        if was.schema != now.schema:
            raise Refused(
                f"the sequence of identity column {new.name} would move from schema "
                f"{was.schema} to {now.schema}, which PostgreSQL refuses for a sequence a "
                "column owns: drop the identity and add it again by hand"
            )
        return f"alter sequence {qualified(was.schema, was.name)} rename to {ident(now.name)}"

    def _inherited(self, old: Node, new: Node, ctx: Context) -> list[Change]:
        """An inherited column follows its parent's type; what else differs and is not the
        parent's own difference is set on it."""
        table, name, parent = self._names(new)
        prefix = f"alter table {table} alter column {name}"
        a: Column = old.item
        b: Column = new.item
        out = []
        if a.not_null != b.not_null and not _follows_parent(old, new, ctx, "not_null"):
            verb = "set" if b.not_null else "drop"
            out.append(
                self.make(
                    new,
                    "alter",
                    f"{prefix} {verb} not null",
                    f"{verb}_not_null",
                    table=parent,
                    effects=set_not_null_effects(table, b.name) if b.not_null else EXCLUSIVE,
                )
            )
        for field, word in (("storage", "storage"), ("compression", "compression")):
            if getattr(a, field) != getattr(b, field) and not _follows_parent(old, new, ctx, field):
                value = getattr(b, field) or "default"
                out.append(
                    self.make(
                        new,
                        "alter",
                        f"{prefix} set {word} {value}",
                        f"set_{word}",
                        table=parent,
                        effects=EXCLUSIVE,
                    )
                )
        return out

    def is_rebuildable(self, node: Node) -> bool:
        return bool(node.item.generated)  # a generated column's values are computed again

    def comment_target(self, node: Node) -> str:
        table, name, _ = self._names(node)
        return f"column {table}.{name}"

    def owner_of(self, node: Node) -> None:
        return None


def set_not_null_effects(table: str, column: str) -> Effects:
    """SET NOT NULL on `table` (as SQL names it): no row may hold NULL; on a table that stays
    online it goes through a validated check, which spares PostgreSQL (12+) the scan under
    the lock. The check's name is the same for the same column, so a re-run finds it."""
    digest = hashlib.sha256(f"{table}.{column}".encode()).hexdigest()[:8]
    check = ident(f"creo_not_null_{digest}")
    name = ident(column)
    online = NotNullThroughCheck(
        Step(
            f"alter table {table} add constraint {check} check ({name} is not null) not valid",
            EXCLUSIVE,
        ),
        Step(
            f"alter table {table} validate constraint {check}",
            Effects(lock=Lock.SHARE_UPDATE_EXCLUSIVE),
        ),
        # proven by the validated check: PostgreSQL skips the scan; the lock is brief
        Step(f"alter table {table} alter column {name} set not null", EXCLUSIVE),
        Step(f"alter table {table} drop constraint {check}", EXCLUSIVE),
    )
    return Effects(lock=Lock.ACCESS_EXCLUSIVE, online=online, rows=NoNulls(column))


def type_change_effects(
    column: str, old: str, new: str, *, using: bool, foreign: bool = False, passing: bool = False
) -> Effects:
    """ALTER COLUMN ... TYPE from `old` to `new` (as format_type() writes them): a narrower
    type may cut values, most changes rewrite the table. A foreign table's column has no
    rows here to rewrite or lose; a column `passing` through another type while its own is
    replaced (diff/differ.py) keeps every value, the way back being checked."""
    rows = ValuesConvert(column, old, new, using)
    if foreign:
        return Effects(lock=Lock.ACCESS_EXCLUSIVE, rows=rows)
    change = formatted_change(old, new)
    return Effects(
        lock=Lock.ACCESS_EXCLUSIVE,
        deletes_data=change.narrows and not passing,
        rewrites=change.rewrites,
        rows=rows,
    )


def _foreign(side: Side, table: str) -> bool:
    node = side.nodes.get(table)
    return node is not None and node.item.kind == "foreign table"


def _partition(side: Side, column: Node) -> bool:
    table = side.nodes.get(column.parent or "")
    return table is not None and table.kind == "table" and bool(table.item.partition_of)


def _using(name: str, old: str, new: str) -> str:
    """A USING clause, except into a string or bit type: there PostgreSQL's assignment cast
    refuses a value too long, where an explicit cast would cut it silently."""
    if new.split("(")[0] in STRING_TYPES or new.split("(")[0] in ("bit", "bit varying"):
        return ""
    if "." in old and "." in new:  # one user type to another (enum to enum): through text
        return f" using {name}::text::{new}"
    return f" using {name}::{new}"


def parent_column(side: Side, node: Node) -> Column | None:
    """The column an inherited column (or its default) has from its (first) parent."""
    column: Column = node.item
    table = side.nodes.get(side.by_oid.get(("pg_class", column.table_oid, 0), ""))
    if table is None or table.kind != "table":
        return None
    relation: Relation = table.item
    parent_oid = relation.partition_parent_oid or next(iter(relation.inherits_oids), None)
    parent = side.by_oid.get(("pg_class", parent_oid or 0, 0))
    if parent is None:
        return None
    found = side.nodes.get(f"column:{parent.partition(':')[2]}.{ident(column.name)}")
    return found.item if found is not None else None


def _follows_parent(old: Node, new: Node, ctx: Context, field: str) -> bool:
    """Whether an inherited column's difference in `field` is its parent column's too: the
    parent's change reaches it (ALTER TABLE recurses to partitions and children)."""
    before, after = parent_column(ctx.current, old), parent_column(ctx.desired, new)
    if before is None or after is None:
        return False
    kept_old = getattr(old.item, field) == getattr(before, field)
    kept_new = getattr(new.item, field) == getattr(after, field)
    return bool(kept_old and kept_new)


def _identity_sequence_row(side: Side, column: str) -> Sequence | None:
    """The sequence of an identity column (by its node id), if any."""
    for sequence in side.snapshot.sequences:
        if sequence.identity and sequence.owned_by:
            table, _, name = sequence.owned_by.rpartition(".")
            if f"column:{table}.{name}" == column:
                return sequence
    return None


def _identity_option_changes(before: str, after: str) -> str:
    old = _identity_options(before)
    new = _identity_options(after)
    words = {
        "START WITH": "set start with",
        "INCREMENT BY": "set increment by",
        "MINVALUE": "set minvalue",
        "MAXVALUE": "set maxvalue",
        "CACHE": "set cache",
    }
    parts = [f"{words[k]} {v}" for k, v in new.items() if k in words and old.get(k) != v]
    if old.get("CYCLE") != new.get("CYCLE"):
        parts.append("set cycle" if new.get("CYCLE") == "yes" else "set no cycle")
    return " ".join(parts)


def _identity_restart(before: str, after: str) -> str:
    """The new start, where the new bounds close in on the old ones ('' where they do not)."""
    old, new = _identity_options(before), _identity_options(after)
    closes = int(new.get("MINVALUE", 0)) > int(old.get("MINVALUE", 0)) or int(
        new.get("MAXVALUE", 0)
    ) < int(old.get("MAXVALUE", 0))
    return new.get("START WITH", "") if closes else ""


def _identity_sequence(ctx: Context, column: str) -> str:
    """The quoted name of an identity column's sequence in the target ('' if none)."""
    sequence = _identity_sequence_row(ctx.current, column)
    return qualified(sequence.schema, sequence.name) if sequence else ""


def _identity_options(text: str) -> dict[str, str]:
    words = text.split()
    out: dict[str, str] = {}
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("START", "INCREMENT") and index + 2 < len(words):
            out[f"{word} {words[index + 1]}"] = words[index + 2]
            index += 3
        elif word == "SEQUENCE" and index + 2 < len(words) and words[index + 1] == "NAME":
            out["SEQUENCE NAME"] = words[index + 2]
            index += 3
        elif word in ("MINVALUE", "MAXVALUE", "CACHE") and index + 1 < len(words):
            out[word] = words[index + 1]
            index += 2
        elif word == "NO" and index + 1 < len(words) and words[index + 1] == "CYCLE":
            out["CYCLE"] = "no"
            index += 2
        elif word == "CYCLE":
            out["CYCLE"] = "yes"
            index += 1
        else:
            index += 1
    return out


class DefaultKind(Kind):
    name = "default"
    rebuildable = True
    rank = 12

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        """Added with their tables (TableKind)."""

    def included_in_parent(self, node: Node) -> bool:
        return True  # ADD COLUMN ... DEFAULT fills the rows that are there

    @staticmethod
    def _prefix(node: Node) -> str:
        column: Column = node.item
        return (
            f"alter table {qualified(column.schema, column.table)} "
            f"alter column {ident(column.name)}"
        )

    def _table(self, node: Node) -> str:
        column: Column = node.item
        return table_id(column.schema, column.table)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        sql = f"{self._prefix(node)} set default {node.item.default}"
        return [
            self.make(
                node, "create", sql, "set_default", table=self._table(node), effects=EXCLUSIVE
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        sql = f"{self._prefix(node)} drop default"
        return [
            self.make(node, "drop", sql, "drop_default", table=self._table(node), effects=EXCLUSIVE)
        ]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        if old.item.default == new.item.default:
            return []
        if new.item.inherited and _follows_parent(old, new, ctx, "default"):
            return []
        sql = f"{self._prefix(new)} set default {new.item.default}"
        return [
            self.make(new, "alter", sql, "set_default", table=self._table(new), effects=EXCLUSIVE)
        ]

    def owner_of(self, node: Node) -> None:
        return None


class ViewDefaultKind(DefaultKind):
    """ALTER VIEW ... ALTER COLUMN ... SET DEFAULT: what an INSERT through the view gets for
    a column it leaves out. Set after the view is made, and again when it is made anew."""

    name = "view default"
    rank = 22

    def included_in_parent(self, node: Node) -> bool:
        return False

    @staticmethod
    def _prefix(node: Node) -> str:
        column: Column = node.item
        return (
            f"alter view {qualified(column.schema, column.table)} alter column {ident(column.name)}"
        )

    def _table(self, node: Node) -> str:
        column: Column = node.item
        return f"view:{qualified(column.schema, column.table)}"


class ViewColumnKind(Kind):
    """A view's columns come and go with their view; only comments are theirs."""

    name = "view column"
    rebuildable = True
    rank = 21

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        """Added with their views (TableKind adds every relation's columns)."""

    def included_in_parent(self, node: Node) -> bool:
        return True

    def create(self, node: Node, ctx: Context) -> list[Change]:
        return []

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return []

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return []  # the view's own change carries it

    def comment_target(self, node: Node) -> str:
        column: Column = node.item
        return f"column {qualified(column.schema, column.table)}.{ident(column.name)}"

    def owner_of(self, node: Node) -> None:
        return None


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


def cluster_changes(
    kind: Kind, node: Node, before: Relation | None, after: Relation, ctx: Context
) -> list[Change]:
    """ALTER TABLE (or MATERIALIZED VIEW) ... CLUSTER ON / SET WITHOUT CLUSTER: which index a
    later CLUSTER uses. Only the mark is set; no rows move (CLUSTER itself is maintenance).

    Here when the mark moves to an index that exists already, or goes; an index the plan
    creates (new, or replaced, which loses the mark) is marked with its creation
    (`cluster_on_created`)."""
    was = before.clustered_index if before else None
    if after.clustered_index == was:
        return []
    name = qualified(after.schema, after.name)
    if after.clustered_index is None:
        sql = f"alter {_word(after)} {name} set without cluster"
        return [kind.make(node, "alter", sql, "cluster_on", table=node.id, effects=_CLUSTER)]
    index = _index_node(after, ctx)
    if index not in ctx.current.nodes:
        return []
    return [_cluster_on(kind, node, after, node.id, [index])]


def cluster_on_created(kind: Kind, node: Node, index_name: str, ctx: Context) -> list[Change]:
    """CLUSTER ON for an index (or key) `node` the plan creates, when its table is marked so."""
    parent = ctx.desired.nodes.get(node.parent or "")
    relation = getattr(parent.item, "relation", parent.item) if parent else None
    if not isinstance(relation, Relation) or relation.clustered_index != index_name:
        return []
    # the index's own change (the relation's changes keep their order: it may come later)
    return [_cluster_on(kind, node, relation, parent.id, [node.id])]  # type: ignore[union-attr]


def _cluster_on(
    kind: Kind, node: Node, relation: Relation, table: str, requires: list[str]
) -> Change:
    name = qualified(relation.schema, relation.name)
    sql = f"alter {_word(relation)} {name} cluster on {ident(relation.clustered_index or '')}"
    return kind.make(
        node, "alter", sql, "cluster_on", table=table, requires=requires, effects=_CLUSTER
    )


def _index_node(relation: Relation, ctx: Context) -> str:
    """The node of the index a relation is clustered on: a key's index is its constraint's."""
    name = relation.clustered_index or ""
    key = f"constraint:{qualified(relation.schema, relation.name)}.{ident(name)}"
    return key if key in ctx.desired.nodes else f"index:{qualified(relation.schema, name)}"


def _word(relation: Relation) -> str:
    return "materialized view" if relation.kind == "materialized view" else "table"
