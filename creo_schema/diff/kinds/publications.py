"""Publications and what they publish: database-level, no schema. Which are managed is
catalog/scope.py's rule: a publication is managed when all it publishes is in the managed
schemas; the platform's (Supabase's `supabase_realtime`) are never created, altered or
dropped, but which managed tables they publish is planned (ALTER PUBLICATION ... ADD/DROP
TABLE), as `alter publication supabase_realtime add table public.messages` in schema/ asks.

A publication is created bare (or FOR ALL TABLES) with its options; each table (with its
column list and row filter) and each schema (FOR TABLES IN SCHEMA) it publishes is a node
of its own, added and dropped with ALTER PUBLICATION. PostgreSQL cannot change one table's
column list or row filter in place (SET TABLE would replace every table), so such a table is
dropped from the publication and added again, in the same transaction. A table's entry
depends on the columns it lists and filters on (pg_depend): a column leaving the list is
taken out of the entry before the column is dropped.

Dropping a publication, or a table from one, stops replicating those changes to its
subscribers (and, on Supabase, Realtime): the `stops_replication` hazard (plan/hazards.py).
"""

from __future__ import annotations

import dataclasses

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Publication, PublicationSchema, PublicationTable
from creo_schema.diff.change import Change, Unplannable
from creo_schema.diff.effects import NONE, Effects
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.kinds.table_ids import table_id
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal, qualified

_ALL_OPERATIONS = ("insert", "update", "delete", "truncate")
# What a publication publishes, dropped: its subscribers stop receiving those changes.
_STOPS = Effects(stops_replication=True)


def publication_id(name: str) -> str:
    return f"publication:{ident(name)}"


def _refuse(message: str) -> None:
    """Refuse the plan, naming the object."""
    raise Unplannable([message])


class PublicationKind(Kind):
    name = ObjectKind.PUBLICATION
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.publications:
            side.add(
                Node(publication_id(item.name), self.name, item),
                ("pg_publication", item.oid, 0),
            )

    @staticmethod
    def _options(item: Publication, major: int, *, changed_from: Publication | None) -> str:
        """The WITH list: on create, what differs from the defaults; on alter, what changed."""
        before = changed_from
        options = []
        if item.publish != (before.publish if before else _ALL_OPERATIONS):
            options.append(f"publish = {literal(', '.join(item.publish))}")
        if item.via_root != (before.via_root if before else False):
            options.append(f"publish_via_partition_root = {str(item.via_root).lower()}")
        default_columns = "none" if major >= 18 else ""
        if item.generated_columns != (before.generated_columns if before else default_columns):
            options.append(f"publish_generated_columns = {item.generated_columns}")
        return ", ".join(options)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Publication = node.item
        if item.platform:
            # The platform's: only its tables are ours, and it must be on the target.
            present = {p.name: p for p in ctx.current.snapshot.platform_publications}
            if item.name not in present:
                _refuse(
                    f"publication {item.name} is the platform's and the target has none: "
                    "creo-schema adds tables to it but never creates it"
                )
            if present[item.name].all_tables:
                _refuse(
                    f"publication {item.name} publishes all tables on the target (FOR ALL "
                    "TABLES): no table can be added to it"
                )
            return []
        sql = f"create publication {ident(item.name)}"
        if item.all_tables:
            sql += " for all tables"
        options = self._options(item, ctx.major, changed_from=None)
        if options:
            sql += f" with ({options})"
        return [self.make(node, "create", sql)]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        if node.item.platform:
            return []  # its tables are dropped from it one by one
        # dropped, or replaced (FOR ALL TABLES changed: it may publish less)
        sql = f"drop publication {ident(node.item.name)}"
        return [self.make(node, "drop", sql, effects=_STOPS)]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Publication = old.item
        b: Publication = new.item
        if a.platform or b.platform:
            return []  # only its tables are compared (they are nodes of their own)
        if a.all_tables != b.all_tables:
            return REPLACE
        options = self._options(b, ctx.major, changed_from=a)
        if not options:
            return []
        sql = f"alter publication {ident(b.name)} set ({options})"
        # inserts, updates, ... no longer published
        unpublished = any(op not in b.publish for op in a.publish)
        effects = Effects(stops_replication=unpublished)
        return [self.make(new, "alter", sql, "publication_options", effects=effects)]

    def comment_target(self, node: Node) -> str | None:
        return None if node.item.platform else f"publication {ident(node.item.name)}"

    def owner_target(self, node: Node) -> str | None:
        return None if node.item.platform else f"publication {ident(node.item.name)}"

    def owner_of(self, node: Node) -> str | None:
        return None if node.item.platform else str(node.item.owner)


class PublicationTableKind(Kind):
    """One table a publication publishes (FOR TABLE), with its columns and row filter."""

    name = ObjectKind.PUBLICATION_TABLE
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        platform = {p.oid for p in snapshot.publications if p.platform}
        for item in snapshot.publication_tables:
            node_id = (
                f"publication table:{ident(item.publication)}.{qualified(item.schema, item.table)}"
            )
            # A managed publication's tables go with it; a platform publication stays when
            # they go, so they are dropped from it one by one.
            parent = None if item.publication_oid in platform else publication_id(item.publication)
            side.add(
                Node(node_id, self.name, item, parent=parent),
                ("pg_publication_rel", item.oid, 0),
            )

    @staticmethod
    def _table(item: PublicationTable) -> str:
        return qualified(item.schema, item.table)

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: PublicationTable = node.item
        sql = f"alter publication {ident(item.publication)} add table {self._table(item)}"
        if item.columns:
            sql += f" ({', '.join(ident(c) for c in item.columns)})"
        if item.row_filter is not None:
            sql += f" where {item.row_filter}"
        return [
            self.make(
                node,
                "create",
                sql,
                "publication_add_table",
                requires=[publication_id(item.publication), table_id(item.schema, item.table)],
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: PublicationTable = node.item
        sql = f"alter publication {ident(item.publication)} drop table {self._table(item)}"
        return [self.make(node, "drop", sql, "publication_drop_table", effects=_STOPS)]

    def drop_to_replace(self, node: Node, ctx: Context) -> list[Change]:
        # added back in the same transaction (a new column list or row filter)
        return [dataclasses.replace(c, effects=NONE) for c in self.drop(node, ctx)]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: PublicationTable = old.item
        b: PublicationTable = new.item
        return [] if (a.columns, a.row_filter) == (b.columns, b.row_filter) else REPLACE

    def owner_of(self, node: Node) -> None:
        return None


class PublicationSchemaKind(Kind):
    """One schema a publication publishes every table of (FOR TABLES IN SCHEMA)."""

    name = ObjectKind.PUBLICATION_SCHEMA
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        platform = {p.oid for p in snapshot.publications if p.platform}
        for item in snapshot.publication_schemas:
            parent = None if item.publication_oid in platform else publication_id(item.publication)
            side.add(
                Node(
                    f"publication schema:{ident(item.publication)}.{ident(item.schema)}",
                    self.name,
                    item,
                    parent=parent,
                ),
                ("pg_publication_namespace", item.oid, 0),
            )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: PublicationSchema = node.item
        sql = (
            f"alter publication {ident(item.publication)} add tables in schema {ident(item.schema)}"
        )
        return [
            self.make(
                node,
                "create",
                sql,
                "publication_add_schema",
                requires=[publication_id(item.publication), schema_id(item.schema)],
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: PublicationSchema = node.item
        sql = (
            f"alter publication {ident(item.publication)} "
            f"drop tables in schema {ident(item.schema)}"
        )
        return [self.make(node, "drop", sql, "publication_drop_schema", effects=_STOPS)]

    def drop_to_replace(self, node: Node, ctx: Context) -> list[Change]:
        return [dataclasses.replace(c, effects=NONE) for c in self.drop(node, ctx)]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return []

    def owner_of(self, node: Node) -> None:
        return None
