"""Schemas, extensions and collations: what other objects are created in or with."""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Collation, Extension, Schema
from creo_schema.diff.change import Change
from creo_schema.diff.effects import Effects
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal, qualified


def schema_id(name: str) -> str:
    return f"schema:{ident(name)}"


class SchemaKind(Kind):
    name = ObjectKind.SCHEMA

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.schemas:
            side.add(
                Node(schema_id(item.name), self.name, item),
                ("pg_namespace", item.oid, 0),
            )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "create", f"create schema {ident(node.item.name)}")]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [self.make(node, "drop", f"drop schema {ident(node.item.name)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return []  # the owner is a facet

    def comment_target(self, node: Node) -> str:
        return f"schema {ident(node.item.name)}"

    def grant_target(self, node: Node) -> str:
        return f"schema {ident(node.item.name)}"

    def owner_target(self, node: Node) -> str:
        return f"schema {ident(node.item.name)}"


class ExtensionKind(Kind):
    name = ObjectKind.EXTENSION

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.extensions:
            side.add(
                Node(f"extension:{ident(item.name)}", self.name, item),
                ("pg_extension", item.oid, 0),
            )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Extension = node.item
        return [
            self.make(
                node,
                "create",
                f"create extension if not exists {ident(item.name)} with schema {ident(item.schema)}",
                requires=[schema_id(item.schema)],
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        # its objects go with it, a table of its own with its rows
        sql = f"drop extension {ident(node.item.name)}"
        return [self.make(node, "drop", sql, effects=Effects(deletes_data=True))]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        before: Extension = old.item
        after: Extension = new.item
        out = []
        if before.schema != after.schema:
            if not before.relocatable:
                return REPLACE
            out.append(
                self.make(
                    new,
                    "alter",
                    f"alter extension {ident(after.name)} set schema {ident(after.schema)}",
                    "extension_set_schema",
                    requires=[schema_id(after.schema)],
                )
            )
        if before.version != after.version:
            out.append(
                self.make(
                    new,
                    "alter",
                    f"alter extension {ident(after.name)} update to {literal(after.version)}",
                    "extension_update",
                )
            )
        return out

    def comment_target(self, node: Node) -> str:
        return f"extension {ident(node.item.name)}"

    def owner_of(self, node: Node) -> None:
        return None


class CollationKind(Kind):
    name = ObjectKind.COLLATION

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.collations:
            side.add(
                Node(f"collation:{qualified(item.schema, item.name)}", self.name, item),
                ("pg_collation", item.oid, 0),
            )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Collation = node.item
        options = []
        if item.provider in ("icu", "builtin"):
            options.append(f"provider = {item.provider}")
            options.append(f"locale = {literal(item.locale or '')}")
        else:
            options.append(f"lc_collate = {literal(item.lc_collate or '')}")
            options.append(f"lc_ctype = {literal(item.lc_ctype or '')}")
        if not item.deterministic:
            options.append("deterministic = false")
        if item.rules:
            options.append(f"rules = {literal(item.rules)}")
        sql = f"create collation {qualified(item.schema, item.name)} ({', '.join(options)})"
        return [self.make(node, "create", sql, requires=[schema_id(item.schema)])]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        return [
            self.make(node, "drop", f"drop collation {qualified(node.item.schema, node.item.name)}")
        ]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a, b = old.item, new.item
        same = (a.provider, a.locale, a.lc_collate, a.lc_ctype, a.deterministic, a.rules) == (
            b.provider,
            b.locale,
            b.lc_collate,
            b.lc_ctype,
            b.deterministic,
            b.rules,
        )
        return [] if same else REPLACE

    def comment_target(self, node: Node) -> str:
        return f"collation {qualified(node.item.schema, node.item.name)}"

    def owner_target(self, node: Node) -> str:
        return f"collation {qualified(node.item.schema, node.item.name)}"


__all__ = ["CollationKind", "ExtensionKind", "Schema", "SchemaKind", "schema_id"]
