"""The columns of tables (plain, partitioned, foreign).

A column whose type changes takes the views, rules, policies and triggers that read it
down and puts them back around the change (PostgreSQL refuses the change while they stand);
so do identity changes, which replace the column's default. The column change says so by
dropping and creating the column's id in the same change (see diff/expand.py).
"""

from __future__ import annotations

import dataclasses
import hashlib

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Column, Relation, Sequence
from creo_schema.diff.change import Change
from creo_schema.diff.column_types import formatted_change
from creo_schema.diff.effects import (
    EXCLUSIVE,
    NONE,
    Effects,
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
from creo_schema.diff.kinds.foreign_data import option_changes, option_list
from creo_schema.diff.kinds.table_ids import default_id
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, qualified

DROPS_VALUES = Effects(lock=Lock.ACCESS_EXCLUSIVE, deletes_data=True)
STRING_TYPES = ("text", "character varying", "character", "varchar", "bpchar", "name")


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


class ColumnKind(Kind):
    name = ObjectKind.COLUMN

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
        changes = _ColumnAlters(self, new, parent, f"alter table {table} alter column {name}")
        if _generation_replaces(changes, a, b, ctx):
            return REPLACE
        _type_change(changes, a, b, name, foreign=_foreign(ctx.desired, parent))
        _identity_changes(changes, a, b)
        _identity_option_alter(changes, a, b, ctx, old.id)
        if a.identity and b.identity:
            renamed = self._identity_sequence_renamed(old, new, ctx)
            if renamed:
                changes.add(renamed, "rename_identity_sequence", NONE)
        _not_null_change(changes, a, b, table)
        _storage_changes(changes, a, b)
        if a.fdw_options != b.fdw_options:
            what = f"column {table}.{name}"
            fdw = option_changes(a.fdw_options, b.fdw_options, what)
            changes.add(
                f"alter foreign table {table} alter column {name} options ({fdw})",
                "foreign_options",
                NONE,
            )
        return changes.out

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


@dataclasses.dataclass
class _ColumnAlters:
    """The ALTER COLUMN changes of one column, in the order they are made."""

    kind: Kind
    node: Node
    table: str
    prefix: str  # ALTER TABLE ... ALTER COLUMN ...
    out: list[Change] = dataclasses.field(default_factory=list)

    def add(
        self, sql: str, operation: str, effects: Effects = EXCLUSIVE, invalidates: bool = False
    ) -> None:
        """One change; one that `invalidates` drops and creates the column's id (what reads
        the column goes down and comes back around it)."""
        ids = [self.node.id] if invalidates else []
        self.out.append(
            self.kind.make(
                self.node,
                "alter",
                sql,
                operation,
                table=self.table,
                drops=ids,
                creates=ids,
                effects=effects,
            )
        )


def _generation_replaces(changes: _ColumnAlters, a: Column, b: Column, ctx: Context) -> bool:
    """A generated column's expression set or dropped; True where no ALTER says the
    difference and the column is replaced instead."""
    prefix = changes.prefix
    if bool(a.generated) != bool(b.generated) and b.generated:
        return True  # a plain column made generated: its values are replaced
    if a.generated and b.generated and (a.default != b.default or a.generated != b.generated):
        if ctx.major < 17 or a.generated != b.generated:
            return True  # computed values only: nothing is lost by dropping them
        changes.add(f"{prefix} set expression as ({b.default})", "set_expression")
    if a.generated and not b.generated:
        changes.add(f"{prefix} drop expression", "drop_expression")
    return False


def _type_change(changes: _ColumnAlters, a: Column, b: Column, name: str, foreign: bool) -> None:
    """ALTER COLUMN ... TYPE where the type or collation differs (not for an inherited
    column: it follows its parent's)."""
    if (a.type, a.collation) == (b.type, b.collation) or b.inherited:
        return
    collate = f" collate {b.collation}" if b.collation else ""
    # A foreign table's column takes no USING (its values are the server's), nor
    # does a generated one (its values are computed again).
    using = "" if foreign or b.generated else _using(name, a.type, b.type)
    changes.add(
        f"{changes.prefix} type {b.type}{collate}{using}",
        "alter_column_type",
        type_change_effects(b.name, a.type, b.type, using=bool(using), foreign=foreign),
        invalidates=True,
    )


def _identity_changes(changes: _ColumnAlters, a: Column, b: Column) -> None:
    """An identity added, dropped, or made ALWAYS / BY DEFAULT."""
    prefix = changes.prefix
    if a.identity == b.identity:
        return
    if not a.identity:
        how = "always" if b.identity == "a" else "by default"
        options = f" ({b.identity_options})" if b.identity_options else ""
        if not a.not_null:
            # ADD ... AS IDENTITY needs the column NOT NULL already: at once, not
            # through a check validated later (plan/rewrite.py)
            changes.add(
                f"{prefix} set not null",
                "set_not_null",
                Effects(lock=Lock.ACCESS_EXCLUSIVE, rows=NoNulls(b.name)),
            )
        changes.add(
            f"{prefix} add generated {how} as identity{options}",
            "add_identity",
            invalidates=True,
        )
    elif not b.identity:
        changes.add(f"{prefix} drop identity", "drop_identity", invalidates=True)
    else:
        how = "always" if b.identity == "a" else "by default"
        changes.add(f"{prefix} set generated {how}", "set_generated")


def _identity_option_alter(
    changes: _ColumnAlters, a: Column, b: Column, ctx: Context, column: str
) -> None:
    """An identity kept whose sequence options differ (`column`: the column's id)."""
    if not (a.identity and b.identity and a.identity_options != b.identity_options):
        return
    options = _identity_option_changes(a.identity_options or "", b.identity_options or "")
    # As for a sequence of its own (kinds/sequences.py): bounds that close in may
    # leave the position outside them, so it restarts at its new start; the row
    # check refuses that for a sequence that has handed out values.
    restart = _identity_restart(a.identity_options or "", b.identity_options or "")
    sequence = _identity_sequence(ctx, column)
    if restart and sequence:
        options += f" restart with {restart}"
    if options:
        restarts = SequenceRestarts(sequence, restart) if restart and sequence else None
        changes.add(
            f"{changes.prefix} {options}",
            "identity_options",
            Effects(lock=Lock.ACCESS_EXCLUSIVE, rows=restarts),
        )


def _not_null_change(changes: _ColumnAlters, a: Column, b: Column, table: str) -> None:
    """SET or DROP NOT NULL (an identity being added has had its SET NOT NULL already)."""
    if a.not_null == b.not_null or (b.identity and not a.identity):
        return
    if b.not_null:
        changes.add(
            f"{changes.prefix} set not null", "set_not_null", set_not_null_effects(table, b.name)
        )
    else:
        changes.add(f"{changes.prefix} drop not null", "drop_not_null")


def _storage_changes(changes: _ColumnAlters, a: Column, b: Column) -> None:
    """Storage, compression, statistics target and attribute options."""
    prefix = changes.prefix
    if a.storage != b.storage:
        storage = b.storage or b.type_storage or "default"
        changes.add(f"{prefix} set storage {storage}", "set_storage")
    if a.compression != b.compression:
        changes.add(f"{prefix} set compression {b.compression or 'default'}", "set_compression")
    if a.statistics != b.statistics:
        target = b.statistics if b.statistics is not None else -1
        changes.add(f"{prefix} set statistics {target}", "set_statistics")
    if a.options != b.options:
        reset, changed = parameter_changes(a.options, b.options)
        if reset:
            changes.add(f"{prefix} reset ({', '.join(reset)})", "column_options", NONE)
        if changed:
            changes.add(f"{prefix} set ({', '.join(changed)})", "column_options", NONE)


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
