"""Logical replication subscriptions: database-level, no schema, managed by name
(catalog/inspection.py: those schema/ declares, and those the last migration managed).

Each statement is written twice: as the target runs it (`sql`), and as the shadow runs it
(`shadow_sql` in the change's details), where no publisher can be reached:

- **Create.** On the target, as declared: `connect`, `create_slot` and `copy_data` come
  from the declaration (source/subscriptions.py), and the connection string from the
  environment variable `[subscriptions.<name>] conninfo_env` names, written as the psql
  variable `:'VARIABLE'` that the plan's files set with `\\getenv` and `apply` fills in
  (plan/conninfo.py): no secret is ever in a plan. A create that makes a slot on the
  publisher cannot run in a transaction block (the slot is not transactional): it runs
  alone, after the main transaction. In the shadow: `connect = false`, a connection string
  that leads nowhere, then ENABLE as declared.
- **Alter.** Publications (ADD, DROP or SET PUBLICATION), options (SET), the slot's name
  (which needs the subscription disabled meanwhile), ENABLE and DISABLE, OWNER TO (a
  facet). Changing publications of an enabled subscription refreshes its tables from the
  publisher (copying the rows of the tables it gains), which cannot run in a transaction
  block either; a disabled one's are changed with `refresh = false`, and so always in the
  shadow. `two_phase` and `failover` are the publisher's slot's, altered there: refused.
- **Drop.** A subscription with a slot on its publisher drops that slot there too (else the
  publisher keeps its WAL forever), outside a transaction, disabled first in the main one;
  one declared without a slot
  (`connect = false`, `create_slot = false`) is first disabled and detached from its slot
  name (`SET (slot_name = NONE)`), as the PostgreSQL documentation says to, since DROP
  would fail looking for a slot that was never made. In the shadow every drop is so.

Hazards (plan/hazards.py): `replicates_data` when rows start coming in (a create or an
ENABLE, publications added to an enabled one), `stops_replication` when they stop (a drop,
a DISABLE, publications removed from an enabled one).
"""

from __future__ import annotations

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Subscription
from creo_schema.diff.change import Change
from creo_schema.diff.effects import Effects, Transaction
from creo_schema.diff.kinds.base import Altered, Context, Kind, Refused
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal
from creo_schema.source.subscriptions import SHADOW_CONNINFO

# PostgreSQL's defaults of the options the plan writes when they differ. Streaming became
# `parallel` by default in 18.
_DEFAULTS = {
    "binary": False,
    "synchronous_commit": "off",
    "disable_on_error": False,
    "two_phase": False,
    "origin": "any",
    "password_required": True,
    "run_as_owner": False,
    "failover": False,
}
# The options ALTER SUBSCRIPTION ... SET changes in place, and the first major with each.
_SETTABLE = {
    "binary": 15,
    "streaming": 15,
    "synchronous_commit": 15,
    "disable_on_error": 15,
    "origin": 16,
    "password_required": 16,
    "run_as_owner": 16,
}
# Options of the publisher's slot, which ALTER SUBSCRIPTION alters on the publisher.
_SLOT_OPTIONS = ("two_phase", "failover")
_INSIDE, _OUTSIDE = Transaction.IN_TRANSACTION, Transaction.OUTSIDE
_STOPS = Effects(stops_replication=True)


def subscription_id(name: str) -> str:
    return f"subscription:{ident(name)}"


def psql_variable(name: str) -> str:
    """How a statement names the environment variable's value (psql's quoted variable)."""
    return f":'{name}'"


def _option(name: str, value: object) -> str:
    if isinstance(value, bool):
        return f"{name} = {str(value).lower()}"
    return f"{name} = {literal(str(value))}"


def _streaming_default(major: int) -> str:
    return "parallel" if major >= 18 else "off"


class SubscriptionKind(Kind):
    name = ObjectKind.SUBSCRIPTION
    rebuildable = False  # dropping one drops its publisher's slot: never for another's sake

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        for item in snapshot.subscriptions:
            side.add(
                Node(subscription_id(item.name), self.name, item),
                ("pg_subscription", item.oid, 0),
            )

    # -- create ---------------------------------------------------------------------------

    def _with(self, item: Subscription, major: int, *, shadow: bool) -> list[str]:
        """The WITH list: what differs from PostgreSQL's defaults (the shadow's: connect =
        false and what it leaves alone, module docstring)."""
        options: list[str] = []
        if shadow or not item.connect:
            options.append("connect = false")
        else:
            if not item.remote_slot:
                options.append("create_slot = false")
            if not item.copy_data:
                options.append("copy_data = false")
            if not item.enabled:
                options.append("enabled = false")
        if item.slot_name is None:
            options.append("slot_name = none")
        elif item.slot_name != item.name:
            options.append(_option("slot_name", item.slot_name))
        if item.streaming != _streaming_default(major):
            options.append(f"streaming = {item.streaming}")
        for field, default in _DEFAULTS.items():
            value = getattr(item, field)
            if value != default:
                options.append(_option(field, value))
        return options

    def _create_sql(self, item: Subscription, connection: str, options: list[str]) -> str:
        publications = ", ".join(ident(p) for p in item.publications)
        sql = (
            f"create subscription {ident(item.name)}\n  connection {connection}"
            f"\n  publication {publications}"
        )
        return sql + (f"\n  with ({', '.join(options)})" if options else "")

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Subscription = node.item
        sql = self._create_sql(
            item, psql_variable(item.conninfo_env), self._with(item, ctx.major, shadow=False)
        )
        shadow = self._create_sql(
            item, literal(SHADOW_CONNINFO), self._with(item, ctx.major, shadow=True)
        )
        if item.enabled:
            shadow += f";\nalter subscription {ident(item.name)} enable"
        return [
            self.make(
                node,
                "create",
                sql,
                shadow_sql=shadow,
                conninfo_env=item.conninfo_env,
                effects=Effects(
                    # a slot made on the publisher is not undone by a rollback of the
                    # transaction
                    transaction=_OUTSIDE if item.connect and item.remote_slot else _INSIDE,
                    replicates=item.enabled,
                ),
            )
        ]

    # -- drop -----------------------------------------------------------------------------

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: Subscription = node.item
        name = ident(item.name)
        drop = f"drop subscription {name}"
        if item.slot_name is None:
            return [self.make(node, "drop", drop, effects=Effects(stops_replication=item.enabled))]
        disable = f"alter subscription {name} disable"
        detach = f"alter subscription {name} set (slot_name = none)"
        if item.remote_slot:
            # DROP drops the slot on the publisher too, which no transaction undoes: it runs
            # alone, after the main transaction, which disables it first (its worker then
            # writes nothing into what that transaction changes)
            out = [self.make(node, "alter", disable, effects=_STOPS)] if item.enabled else []
            alone = self.make(
                node,
                "drop",
                drop,
                shadow_sql=f"{detach};\n{drop}",
                effects=Effects(transaction=_OUTSIDE, stops_replication=True),
            )
            return [*out, alone]
        # declared without a slot: DROP would fail looking for one on the publisher (and a
        # disabled one replicates nothing that its drop could stop)
        stops = Effects(stops_replication=item.enabled)
        steps = [disable, detach] if item.enabled else [detach]
        out = [self.make(node, "alter", sql, "detach_slot", effects=stops) for sql in steps]
        return [*out, self.make(node, "drop", drop, effects=stops)]

    # -- alter ----------------------------------------------------------------------------

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Subscription = old.item
        b: Subscription = new.item
        refused = [f for f in _SLOT_OPTIONS if getattr(a, f) != getattr(b, f)]
        if refused:
            raise Refused(
                f"subscription {a.name}: {' and '.join(refused)} is an option of the "
                "publisher's slot, which creo-schema does not alter: change it on both "
                "servers by hand (ALTER SUBSCRIPTION ... SET), or drop and create the "
                "subscription in two plans"
            )
        name = ident(b.name)
        out: list[Change] = []
        enabled = a.enabled
        if enabled and (not b.enabled or a.slot_name != b.slot_name):
            # a slot's name is changed only while disabled
            sql = f"alter subscription {name} disable"
            out.append(self.make(new, "alter", sql, effects=_STOPS))
            enabled = False
        if a.slot_name != b.slot_name:
            slot = "none" if b.slot_name is None else literal(b.slot_name)
            out.append(
                self.make(new, "alter", f"alter subscription {name} set (slot_name = {slot})")
            )
        options = [
            _option(field, getattr(b, field))
            if field != "streaming"
            else f"streaming = {b.streaming}"
            for field, since in _SETTABLE.items()
            if ctx.major >= since and getattr(a, field) != getattr(b, field)
        ]
        if options:
            sql = f"alter subscription {name} set ({', '.join(options)})"
            out.append(self.make(new, "alter", sql, "subscription_options"))
        if b.enabled and not enabled:
            sql = f"alter subscription {name} enable"
            out.append(self.make(new, "alter", sql, effects=Effects(replicates=True)))
        if a.publications != b.publications:
            out.append(self._publications(new, a, b))
        return out

    def _publications(self, node: Node, a: Subscription, b: Subscription) -> Change:
        """ADD or DROP PUBLICATION when only one way, SET when both; with a refresh from
        the publisher (outside a transaction) when it is enabled, without one otherwise."""
        added = [p for p in b.publications if p not in a.publications]
        removed = [p for p in a.publications if p not in b.publications]
        name = ident(b.name)
        if added and not removed:
            verb, listed = "add", added
        elif removed and not added:
            verb, listed = "drop", removed
        else:
            verb, listed = "set", list(b.publications)
        sql = f"alter subscription {name} {verb} publication {', '.join(ident(p) for p in listed)}"
        return self.make(
            node,
            "alter",
            sql if b.enabled else f"{sql} with (refresh = false)",
            "subscription_publications",
            shadow_sql=f"{sql} with (refresh = false)",
            effects=Effects(
                transaction=_OUTSIDE if b.enabled else _INSIDE,
                replicates=b.enabled and bool(added),
                stops_replication=b.enabled and bool(removed),
            ),
        )

    def owner_target(self, node: Node) -> str:
        return f"subscription {ident(node.item.name)}"
