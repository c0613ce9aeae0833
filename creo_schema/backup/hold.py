"""What would refuse or rewrite a backup's rows as they load, held back until they are in.

pg_dump restores a table's rows before its foreign keys and NOT VALID checks exist, with its
triggers off. Restore loads into tables that exist, so it does the same by taking those
away for the load and putting back exactly what it took (restore.py):

- **Constraints** of the restored tables (and their partitions): every CHECK and foreign key,
  and PostgreSQL 18's NOT VALID NOT NULL, are dropped and added again after the rows, from
  `pg_get_constraintdef`, with their comments. A NOT VALID one is added NOT VALID again, so
  older rows that break it come back and it stays NOT VALID; every other one is checked
  against the rows as it is added, once per table (checks) or per key, so rows that break
  it fail the restore rather than land silently. A foreign key cycle or a row referencing a
  later one of its own table needs no order. NOT VALID checks of the managed schemas'
  domains go the same way. A constraint a table only inherits goes with its parent's.
- **Triggers** of those tables and partitions that would still fire are disabled one by one
  and set back to the exact mode each had (enabled, `ALWAYS`, `REPLICA`): with
  `session_replication_role = replica` (a superuser's, or where granted) the `ALWAYS` and
  `REPLICA` ones, otherwise every enabled one. A disabled trigger stays disabled.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from creo_schema.backup.tables import Table
from creo_schema.db import Connection
from creo_schema.words import plural

# The restored tables with their partitions at any depth (a partitioned table's rows are
# copied through it, and land in partitions with constraints and triggers of their own).
_RELATIONS = """
with restored as (
  select c.oid
    from unnest(%(schemas)s::text[], %(names)s::text[]) r (schema, name)
    join pg_namespace n on n.nspname = r.schema
    join pg_class c on c.relnamespace = n.oid and c.relname = r.name
)
select oid from restored
 union  -- a table that is neither partitioned nor a partition has no tree of its own
select t.relid::oid from restored, pg_partition_tree(restored.oid) t
"""

# A constraint a table has only through its parent (coninhcount > 0, or a partition's clone
# of its parent's foreign key) cannot be dropped on its own: it goes with the parent's.
# NOT ENFORCED ones (PostgreSQL 18) check nothing and stay.
_CONSTRAINTS = """
select n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid),
       obj_description(k.oid, 'pg_constraint')
  from pg_constraint k
  join pg_class c on c.oid = k.conrelid
  join pg_namespace n on n.oid = c.relnamespace
 where k.conrelid = any(%(relations)s::oid[])
   and k.coninhcount = 0 and k.conparentid = 0
   and (k.contype in ('c', 'f') or (k.contype = 'n' and not k.convalidated))
   and coalesce((to_jsonb(k) ->> 'conenforced')::boolean, true)
 order by k.contype = 'f', n.nspname, c.relname, k.conname
"""

_DOMAIN_CONSTRAINTS = """
select n.nspname, t.typname, k.conname, pg_get_constraintdef(k.oid),
       obj_description(k.oid, 'pg_constraint')
  from pg_constraint k
  join pg_type t on t.oid = k.contypid
  join pg_namespace n on n.oid = t.typnamespace
 where k.contype = 'c' and not k.convalidated and n.nspname = any(%(managed)s::text[])
 order by n.nspname, t.typname, k.conname
"""

_TRIGGERS = """
select n.nspname, c.relname, g.tgname, g.tgenabled
  from pg_trigger g
  join pg_class c on c.oid = g.tgrelid
  join pg_namespace n on n.oid = c.relnamespace
 where g.tgrelid = any(%(relations)s::oid[]) and not g.tgisinternal
   and g.tgenabled = any(%(firing)s::"char"[])
 order by n.nspname, c.relname, g.tgname
"""

# Which enabled modes fire in each session_replication_role (origin is the default).
_FIRING = {True: ["A", "R"], False: ["O", "A"]}
_ENABLE = {"O": "enable trigger", "A": "enable always trigger", "R": "enable replica trigger"}


@dataclass(frozen=True)
class HeldConstraint:
    schema: str
    owner: str  # the table, or the domain
    name: str
    definition: str  # pg_get_constraintdef: NOT VALID, DEFERRABLE, ON DELETE ... included
    comment: str | None
    on_domain: bool = False

    @property
    def target(self) -> sql.Composable:
        what = "domain" if self.on_domain else "table"
        return sql.SQL(what + " {}").format(sql.Identifier(self.schema, self.owner))


@dataclass(frozen=True)
class HeldTrigger:
    schema: str
    table: str
    name: str
    mode: str  # pg_trigger.tgenabled: O, A or R


@dataclass(frozen=True)
class Held:
    constraints: tuple[HeldConstraint, ...]
    triggers: tuple[HeldTrigger, ...]

    def describe(self, replica: bool) -> str:
        """How triggers were kept from firing, for the restore's report."""
        count = len(self.triggers)
        disabled = f"{plural(count, 'trigger')} disabled"
        if not replica:
            return disabled
        return "session_replication_role = replica" + (
            f", and {disabled} (ALWAYS or REPLICA)" if count else ""
        )


def hold_back(
    conn: Connection, tables: list[Table], managed: tuple[str, ...], *, replica: bool
) -> Held:
    """Drop the constraints and disable the triggers (above) of `tables`; `replica` says
    whether the session runs with session_replication_role = replica."""
    held = _to_hold(conn, tables, managed, replica)
    for item in held.constraints:
        conn.execute(
            sql.SQL("alter {} drop constraint {}").format(item.target, sql.Identifier(item.name))
        )
    for trigger in held.triggers:
        conn.execute(
            sql.SQL("alter table only {} disable trigger {}").format(
                sql.Identifier(trigger.schema, trigger.table), sql.Identifier(trigger.name)
            )
        )
    return held


def _to_hold(
    conn: Connection, tables: list[Table], managed: tuple[str, ...], replica: bool
) -> Held:
    names = {"schemas": [t.schema for t in tables], "names": [t.name for t in tables]}
    relations = [row[0] for row in conn.execute(_RELATIONS, names)]
    on_tables = [
        HeldConstraint(*row) for row in conn.execute(_CONSTRAINTS, {"relations": relations})
    ]
    on_domains = [
        HeldConstraint(schema, domain, name, definition, comment, on_domain=True)
        for schema, domain, name, definition, comment in conn.execute(
            _DOMAIN_CONSTRAINTS, {"managed": list(managed)}
        )
    ]
    triggers = [
        HeldTrigger(*row)
        for row in conn.execute(_TRIGGERS, {"relations": relations, "firing": _FIRING[replica]})
    ]
    return Held(tuple(on_tables + on_domains), tuple(triggers))


def put_back(conn: Connection, held: Held) -> None:
    """Add the constraints again, as they were, and give each trigger its mode back."""
    for target, items in _by_target(held.constraints):
        # One ALTER per table: its checks are then tested in one pass over its rows.
        adds = sql.SQL(", ").join(
            sql.SQL("add constraint {} {}").format(sql.Identifier(c.name), sql.SQL(c.definition))
            for c in items
        )
        conn.execute(sql.SQL("alter {} {}").format(target, adds))
    for item in held.constraints:
        if item.comment is not None:
            conn.execute(
                sql.SQL("comment on constraint {} on {}{} is {}").format(
                    sql.Identifier(item.name),
                    sql.SQL("domain ") if item.on_domain else sql.SQL(""),
                    sql.Identifier(item.schema, item.owner),
                    sql.Literal(item.comment),
                )
            )
    for trigger in held.triggers:
        conn.execute(
            sql.SQL("alter table only {} {} {}").format(
                sql.Identifier(trigger.schema, trigger.table),
                sql.SQL(_ENABLE[trigger.mode]),
                sql.Identifier(trigger.name),
            )
        )


def _by_target(
    constraints: tuple[HeldConstraint, ...],
) -> list[tuple[sql.Composable, list[HeldConstraint]]]:
    """Checks before foreign keys (as they were read), grouped by table or domain.

    A domain takes one constraint per ALTER DOMAIN; a table takes them all at once."""
    groups: dict[tuple[str, str, bool], list[HeldConstraint]] = {}
    out: list[tuple[sql.Composable, list[HeldConstraint]]] = []
    for item in constraints:
        if item.on_domain:
            out.append((item.target, [item]))
            continue
        key = (item.schema, item.owner, item.definition.startswith("FOREIGN KEY"))
        if key not in groups:
            groups[key] = []
            out.append((item.target, groups[key]))
        groups[key].append(item)
    return out
