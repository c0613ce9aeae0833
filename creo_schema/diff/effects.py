"""What a statement does to a running database, said by the code that writes it.

pg-schema-diff builds a statement's hazards in the function that writes its DDL, and
pg-delta's `ActionSpec` carries `dataLoss`, `lockClass` and `transactionality`: the writer
knows. Each kind (diff/kinds/) gives every `Change` its `Effects`; plan/hazards.py only maps
them to the hazards an operator decides on, plan/rewrite.py turns the online form into
phases, and plan/checks.py the row facts into read-only counts. Nothing downstream reads the
statement's text or its kind's name to find out.

Locks are the ones the plan has always reported (the hazards in every golden): where
PostgreSQL takes a lighter lock (SET STATISTICS takes SHARE UPDATE EXCLUSIVE) or a heavier
one the plan never named (CREATE TRIGGER, DROP INDEX), the field says what is reported, and
the writer's comment says so. Changing one changes the plans' hazards.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Lock(Enum):
    """The lock a statement takes on the table it works on (`Change.table`), weakest first."""

    NONE = "none"
    SHARE_UPDATE_EXCLUSIVE = "share update exclusive"  # VALIDATE, CONCURRENTLY: writes go on
    SHARE = "share"  # CREATE INDEX: writes wait, reads go on
    SHARE_ROW_EXCLUSIVE = "share row exclusive"  # ADD FOREIGN KEY: writes wait, reads go on
    ACCESS_EXCLUSIVE = "access exclusive"  # most ALTER TABLE: reads and writes wait


class Transaction(Enum):
    """Where a statement can run."""

    IN_TRANSACTION = "in transaction"  # with the others, in the main transaction
    # in a transaction of its own, before the main one (ALTER TYPE ... ADD VALUE: the label
    # cannot be used in the transaction that adds it)
    OWN_TRANSACTION = "own transaction"
    # outside any transaction block (a subscription's slot on its publisher, a concurrent
    # index build): a failure is not rolled back
    OUTSIDE = "outside any transaction"


@dataclass(frozen=True, slots=True)
class Step:
    """One statement of an online form, with its own effects."""

    sql: str
    effects: Effects


@dataclass(frozen=True, slots=True)
class ConcurrentBuild:
    """CREATE INDEX CONCURRENTLY instead of CREATE INDEX: writes go on, outside any
    transaction. The plan uses it unless a statement of the main transaction needs the
    index."""

    build: Step


@dataclass(frozen=True, slots=True)
class NotValidThenValidate:
    """A check or foreign key added NOT VALID (no scan under the lock), then validated in a
    transaction of its own (SHARE UPDATE EXCLUSIVE: writes go on)."""

    add: Step
    validate: Step


@dataclass(frozen=True, slots=True)
class NotNullThroughCheck:
    """SET NOT NULL through a validated CHECK (col IS NOT NULL), which lets PostgreSQL (12+)
    set NOT NULL without scanning again; the check is dropped after."""

    add_check: Step
    validate: Step
    set_not_null: Step
    drop_check: Step


@dataclass(frozen=True, slots=True)
class LastPhase:
    """Runs in the plan's last phase on a table that stays online: after the NOT NULLs set
    through checks (a replica identity's index needs its columns NOT NULL) and, with
    `after_builds`, after the concurrent index builds it may wait for (CLUSTER ON), which
    then never need building in the main transaction for its sake."""

    after_builds: bool = False


Online = ConcurrentBuild | NotValidThenValidate | NotNullThroughCheck | LastPhase


# What the rows must hold for a statement to succeed (plan/checks.py counts those in the way).


@dataclass(frozen=True, slots=True)
class NewColumnNeedsValues:
    """A NOT NULL column added without a default: every existing row breaks it."""

    column: str


@dataclass(frozen=True, slots=True)
class NoNulls:
    """SET NOT NULL: no row may hold NULL in the column."""

    column: str


@dataclass(frozen=True, slots=True)
class ValuesConvert:
    """ALTER COLUMN ... TYPE: every value must be one the new type holds."""

    column: str
    old_type: str
    new_type: str
    using: bool  # converted with an explicit USING cast


@dataclass(frozen=True, slots=True)
class ConstraintHolds:
    """A new check, key, foreign key or exclusion constraint: every row must satisfy it."""

    kind: str  # check, unique, primary key, foreign key, exclusion
    name: str
    definition: str  # as pg_get_constraintdef prints it
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UniqueIndexHolds:
    """A new unique index: no two rows may share its key."""

    name: str
    columns: tuple[str | None, ...]  # None for an expression
    predicate: str | None


@dataclass(frozen=True, slots=True)
class SequenceRestarts:
    """A sequence restarted at its new start (its new bounds need it): it must not have
    handed out values yet."""

    sequence: str  # as SQL names it
    start: str


RowCheck = (
    NewColumnNeedsValues
    | NoNulls
    | ValuesConvert
    | ConstraintHolds
    | UniqueIndexHolds
    | SequenceRestarts
)


@dataclass(frozen=True, slots=True)
class Effects:
    """What one statement does besides its purpose."""

    lock: Lock = Lock.NONE  # on `Change.table` (or on the object itself where it has none)
    deletes_data: bool = False  # rows or values are lost, beyond the rollback's reach
    rewrites: bool = False  # every row is written again (the table doubles meanwhile)
    builds_index: bool = False  # reads the whole table to build an index
    drops_index: bool = False  # an index queries may use goes
    transaction: Transaction = Transaction.IN_TRANSACTION
    widens_access: bool = False  # data becomes reachable by more roles or rows
    replicates: bool = False  # rows start arriving from another server (a subscription)
    stops_replication: bool = False  # changes stop being sent, or received
    drops_role: bool = False  # a role goes, with its password
    online: Online | None = None  # the form that keeps an existing table available
    rows: RowCheck | None = None  # what existing rows must hold


NONE = Effects()
# The lock most ALTER TABLE subcommands take, and nothing else.
EXCLUSIVE = Effects(lock=Lock.ACCESS_EXCLUSIVE)
