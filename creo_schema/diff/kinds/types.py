"""User-defined types: enums, domains (and their constraints), composite and range types.

Changes PostgreSQL can make in place are made in place: an enum gains labels with ADD VALUE
(each in its own transaction before the plan's, since a label added in a transaction cannot
be used before it commits), a domain's default, NOT NULL and constraints are altered, a
composite type nobody's column uses gains, loses and retypes attributes. Anything else
(an enum losing or reordering labels, a domain's base type) replaces the type; the columns of
that type are converted around the replacement (diff/expand.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import CompositeType, Domain, Enum, Range
from creo_schema.diff.change import Change
from creo_schema.diff.effects import Effects, Transaction
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal, qualified


def type_id(schema: str, name: str) -> str:
    return f"type:{qualified(schema, name)}"


def name_slot(schema: str, name: str) -> str:
    """Tables, views, sequences, indexes and types share one namespace per schema."""
    return f"rel:{qualified(schema, name)}"


class _TypeKind(Kind):
    def _node(self, item: Enum | Domain | CompositeType | Range) -> Node:
        return Node(
            type_id(item.schema, item.name),
            self.name,
            item,
            slot=name_slot(item.schema, item.name),
        )

    def sql_name(self, node: Node) -> str:
        return qualified(node.item.schema, node.item.name)

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        word = "domain" if self.name == "domain" else "type"
        return [self.make(node, "drop", f"drop {word} {self.sql_name(node)}")]

    def comment_target(self, node: Node) -> str:
        return f"{'domain' if self.name == 'domain' else 'type'} {self.sql_name(node)}"

    grant_target = comment_target
    owner_target = comment_target


class EnumKind(_TypeKind):
    name = ObjectKind.ENUM

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.enums:
            side.add(self._node(item), ("pg_type", item.oid, 0))

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Enum = node.item
        labels = ", ".join(literal(label) for label in item.labels)
        sql = f"create type {self.sql_name(node)} as enum ({labels})"
        return [self.make(node, "create", sql, requires=[schema_id(item.schema)])]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        before: tuple[str, ...] = old.item.labels
        after: tuple[str, ...] = new.item.labels
        if before == after:
            return []
        kept = [label for label in after if label in before]
        if kept != list(before):
            return REPLACE  # a label removed or moved: no ALTER TYPE does that
        out = []
        for index, label in enumerate(after):
            if label in before:
                continue
            following = next((x for x in after[index + 1 :] if x in before), None)
            where = f" before {literal(following)}" if following is not None else ""
            if following is None and index > 0:
                where = f" after {literal(after[index - 1])}"
            sql = f"alter type {self.sql_name(new)} add value {literal(label)}{where}"
            # a label added cannot be used in the transaction that adds it
            effects = Effects(transaction=Transaction.OWN_TRANSACTION)
            out.append(self.make(new, "alter", sql, "enum_add_value", effects=effects))
        return out


class DomainKind(_TypeKind):
    name = ObjectKind.DOMAIN

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.domains:
            node = self._node(item)
            side.add(node, ("pg_type", item.oid, 0))
            for name, definition, oid in zip(
                item.constraint_names, item.constraints, item.constraint_oids, strict=False
            ):
                side.add(
                    Node(
                        f"domain_constraint:{self.sql_name(node)}.{ident(name)}",
                        ObjectKind.DOMAIN_CONSTRAINT,
                        (item, name, definition),
                        parent=node.id,
                    ),
                    ("pg_constraint", oid, 0),
                )

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Domain = node.item
        parts = [f"create domain {self.sql_name(node)} as {item.base_type}"]
        if item.collation:
            parts.append(f"collate {item.collation}")
        if item.default is not None:
            parts.append(f"default {item.default}")
        if item.not_null:
            parts.append("not null")
        return [self.make(node, "create", " ".join(parts), requires=[schema_id(item.schema)])]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Domain = old.item
        b: Domain = new.item
        if (a.base_type, a.collation) != (b.base_type, b.collation):
            return REPLACE
        if _tightened(a, b) and _array_columns(ctx, a):
            # ALTER DOMAIN cannot check a new constraint (or NOT NULL) over an array of the
            # domain ("cannot alter type because column ... uses it"): the domain is
            # replaced, the array columns passing through their base type, and the cast
            # back checks every element.
            return REPLACE
        name = self.sql_name(new)
        out = []
        if a.default != b.default:
            sql = (
                f"alter domain {name} set default {b.default}"
                if b.default is not None
                else f"alter domain {name} drop default"
            )
            out.append(self.make(new, "alter", sql, "domain_default"))
        if a.not_null != b.not_null:
            verb = "set" if b.not_null else "drop"
            out.append(
                self.make(
                    new,
                    "alter",
                    f"alter domain {name} {verb} not null",
                    f"domain_{verb}_not_null",
                )
            )
        return out


def _tightened(a: Domain, b: Domain) -> bool:
    """Whether the domain gains a constraint (or a changed one, or NOT NULL)."""
    before = set(zip(a.constraint_names, a.constraints, strict=False))
    after = set(zip(b.constraint_names, b.constraints, strict=False))
    return bool(after - before) or (b.not_null and not a.not_null)


def _array_columns(ctx: Context, domain: Domain) -> list[str]:
    array = f"{qualified(domain.schema, domain.name)}[]"
    return [c.name for c in ctx.current.snapshot.columns if c.type == array]


class DomainConstraintKind(Kind):
    name = ObjectKind.DOMAIN_CONSTRAINT
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        """Added with their domains (DomainKind)."""

    @staticmethod
    def _parts(node: Node) -> tuple[str, str, str]:
        domain, name, definition = node.item
        return qualified(domain.schema, domain.name), name, definition

    def create(self, node: Node, ctx: Context) -> list[Change]:
        domain, name, definition = self._parts(node)
        sql = f"alter domain {domain} add constraint {ident(name)} {definition}"
        return [self.make(node, "create", sql, "add_domain_constraint")]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        domain, name, _ = self._parts(node)
        return [self.make(node, "drop", f"alter domain {domain} drop constraint {ident(name)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        _, _, before = self._parts(old)
        domain, name, after = self._parts(new)
        if before.removesuffix(" NOT VALID") == after and before.endswith(" NOT VALID"):
            sql = f"alter domain {domain} validate constraint {ident(name)}"
            return [self.make(new, "alter", sql, "validate_domain_constraint")]
        return REPLACE if before != after else []

    def comment_target(self, node: Node) -> str:
        domain, name, _ = self._parts(node)
        return f"constraint {ident(name)} on domain {domain}"


class CompositeKind(_TypeKind):
    name = ObjectKind.COMPOSITE_TYPE

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.composite_types:
            node = self._node(item)
            side.add(node, ("pg_type", item.oid, 0), ("pg_class", item.relation_oid, 0))
            # Its attributes are nodes of their own, as a view's columns are, so that a
            # comment on one (COMMENT ON COLUMN type.attribute) is the attribute's, not the
            # type's; they come and go with the type's own statements.
            numbers = _commented_attributes(snapshot, item)
            for name in item.attribute_names:
                attribute = Node(
                    f"attribute:{self.sql_name(node)}.{ident(name)}",
                    ObjectKind.VIEW_COLUMN,
                    Attribute(item.schema, item.name, name),
                    parent=node.id,
                )
                keys = [("pg_class", item.relation_oid, numbers[name])] if name in numbers else []
                side.add(attribute, *keys)

    @staticmethod
    def _attribute(name: str, type_: str, collation: str) -> str:
        return f"{ident(name)} {type_}" + (f" collate {collation}" if collation else "")

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: CompositeType = node.item
        attributes = ", ".join(
            self._attribute(*a)
            for a in zip(
                item.attribute_names,
                item.attribute_types,
                item.attribute_collations,
                strict=True,
            )
        )
        sql = f"create type {self.sql_name(node)} as ({attributes})"
        return [self.make(node, "create", sql, requires=[schema_id(item.schema)])]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: CompositeType = old.item
        b: CompositeType = new.item
        used = any(d.startswith("column:") for d in ctx.current.needed_by.get(old.id, ()))
        before = dict(
            zip(
                a.attribute_names,
                zip(a.attribute_types, a.attribute_collations, strict=True),
                strict=True,
            )
        )
        after = dict(
            zip(
                b.attribute_names,
                zip(b.attribute_types, b.attribute_collations, strict=True),
                strict=True,
            )
        )
        kept_order = [n for n in b.attribute_names if n in before]
        if kept_order != [n for n in a.attribute_names if n in after]:
            return REPLACE
        if any(n in before for n in b.attribute_names[len(kept_order) :]):
            return REPLACE  # a new attribute would land before an old one
        name = self.sql_name(new)
        actions = [f"drop attribute {ident(n)}" for n in a.attribute_names if n not in after]
        for attribute in kept_order:
            if before[attribute] != after[attribute]:
                if used:
                    # ALTER ATTRIBUTE TYPE refuses while a table's column has the type (ADD
                    # and DROP ATTRIBUTE do not)
                    return REPLACE
                type_, collation = after[attribute]
                actions.append(
                    f"alter attribute {ident(attribute)} type {type_}"
                    + (f" collate {collation}" if collation else "")
                )
        actions += [
            f"add attribute {self._attribute(n, *after[n])}"
            for n in b.attribute_names
            if n not in before
        ]
        if not actions:
            return []
        # A dropped attribute takes its values out of every column of the type.
        drops_values = used and any(n not in after for n in a.attribute_names)
        return [
            self.make(
                new,
                "alter",
                f"alter type {name} {', '.join(actions)}",
                "alter_composite",
                effects=Effects(deletes_data=drops_values),
            )
        ]


@dataclass(frozen=True, slots=True)
class Attribute:
    """A composite type's attribute, named as COMMENT ON COLUMN names it."""

    schema: str
    table: str
    name: str


def _commented_attributes(snapshot: CatalogSnapshot, item: CompositeType) -> dict[str, int]:
    """Attribute name -> its number, for the attributes with a comment (the comment names
    the attribute; its number, which dropped attributes leave gaps in, is the comment's)."""
    prefix = f"{qualified(item.schema, item.name)}."
    names = {f"{prefix}{ident(name)}": name for name in item.attribute_names}
    return {
        names[c.object]: c.subid
        for c in snapshot.comments
        if c.objid == item.relation_oid and c.subid and c.object in names
    }


class RangeKind(_TypeKind):
    name = ObjectKind.RANGE

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.ranges:
            side.add(self._node(item), ("pg_type", item.oid, 0))

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Range = node.item
        options = [f"subtype = {item.subtype}"]
        if item.subtype_opclass:
            options.append(f"subtype_opclass = {item.subtype_opclass}")
        if item.collation:
            options.append(f"collation = {item.collation}")
        if item.canonical:
            options.append(f"canonical = {item.canonical}")
        if item.subtype_diff:
            options.append(f"subtype_diff = {item.subtype_diff}")
        default_multirange = qualified(item.schema, _default_multirange(item.name))
        if item.multirange != default_multirange:
            options.append(f"multirange_type_name = {item.multirange}")
        sql = f"create type {self.sql_name(node)} as range ({', '.join(options)})"
        return [self.make(node, "create", sql, requires=[schema_id(item.schema)])]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        return REPLACE


def _default_multirange(range_name: str) -> str:
    """The multirange name PostgreSQL picks: `range` becomes `multirange` in the name, else
    `_multirange` is appended."""
    if "range" in range_name:
        return range_name.replace("range", "multirange", 1)
    return f"{range_name}_multirange"
