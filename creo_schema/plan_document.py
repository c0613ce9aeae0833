"""The plan document: versioned JSON that round-trips, and never holds a password."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from creo_schema import __version__
from creo_schema.catalog.differences import ObjectDiff
from creo_schema.catalog.inspection import Scope
from creo_schema.diff.data import RowDiff
from creo_schema.errors import InputError

# Final: their types are the literals the Plan fields below accept.
FORMAT: Final = "creo-schema/plan"
FORMAT_VERSION: Final = 2

# pre: each in a transaction of its own, before the rest (an enum label added, which the
# main transaction may then use); main: the one transaction; concurrent: alone, outside any
# transaction; validate: each in a transaction of its own; post: one transaction after the
# validations.
Phase = Literal["pre", "main", "concurrent", "validate", "post"]


class DataCheck(BaseModel):
    """A read-only count of the rows that would make a statement fail; 0 means it can run.

    `message` says what the rows are, with `{count}` for their number.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sql: str
    message: str


class PlannedStatement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sql: str
    phase: Phase = "main"
    kind: str = ""  # the object's kind: table, column, index, policy, ... (row for data)
    action: str = ""  # create, alter, drop, replace (and insert, update, delete for rows)
    operation: str = ""  # what exactly: add_column, alter_column_type, grant, ...
    target: str = ""  # the object, as SQL names it: public.orders, public.orders.total
    table: str = ""  # the table it works on, when it works on one
    hazards: tuple[str, ...] = ()
    checks: tuple[DataCheck, ...] = ()  # run against the rows before the statement runs
    notes: tuple[str, ...] = ()  # why it carries a hazard, in words (the access review)
    # How the shadow runs it, where no publisher can be reached (a subscription's: diff/
    # kinds/subscriptions.py); empty where it runs `sql` as it is.
    shadow_sql: str = ""
    # The environment variable whose value `sql` names as the psql variable :'NAME' (a
    # subscription's connection string): read when the statement runs (plan/conninfo.py),
    # never written into a plan or a file.
    conninfo_env: str = ""

    @property
    def transactional(self) -> bool:
        return self.phase != "concurrent"


class Verification(BaseModel):
    """What proving the plan on a shadow copy (plan/verify.py) showed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verified: bool
    method: str  # what was copied and how it was compared
    duration_ms: int = 0
    problems: tuple[str, ...] = ()
    # migra's engine (results), run on the proven database as a second opinion: what it
    # said ("agrees", or why it could not look)
    second_opinion: str = ""


class AccessNote(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    role: str
    command: str
    object: str
    widens: bool
    sentence: str


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["creo-schema/plan"] = FORMAT
    format_version: Literal[2] = FORMAT_VERSION
    tool_version: str = __version__
    created_at: datetime
    target: str  # the target URL, password redacted
    server_major: int
    platform: str
    managed_schemas: tuple[str, ...]
    # Roles as code (`manage_roles`): the roles the plan manages, compared and fingerprinted
    # with the schemas (apply reads them again to see whether the target moved).
    managed_roles: tuple[str, ...] = ()
    # The role the plan was made for (the target's current_user then): the shadow acted as
    # it, so what the plan creates is owned by it there as on the target.
    applier: str = ""
    extensions: tuple[str, ...] = ()  # declared extensions: diffed though in `extensions`
    source_fingerprint: str  # of the declared SQL (deparsed), what `schema/` said
    target_fingerprint: str  # of the target's schema when planned: apply refuses if it moved
    # The target's catalog signature (catalog/signature.py), taken before it was inspected:
    # found again at apply time, nothing has changed since, and the catalog is not read again.
    target_signature: str = ""
    desired_fingerprint: str  # of the desired schema: the target's after a successful apply
    statements: tuple[PlannedStatement, ...]
    rollback: tuple[PlannedStatement, ...]
    verification: Verification | None = None
    # What the reviewer should know and nothing refuses: the rows the rollback would fail
    # on today (it is checked again, and refused, when it is run).
    warnings: tuple[str, ...] = ()
    # The access review (access/review.py): who gains or loses what, one sentence each.
    access: tuple[AccessNote, ...] = ()
    # What differs, object by object and field by field (the target's value, then the
    # desired one), and the declared rows that differ: what drift reports, read from the
    # two catalogs and the rows, never from the statements.
    differences: tuple[ObjectDiff, ...] = ()
    row_differences: tuple[RowDiff, ...] = ()
    # The subscriptions the plan manages (catalog/inspection.py): those schema/ declares and
    # those the target's last migration managed; every later inspection reads these.
    subscriptions: tuple[str, ...] = ()

    @property
    def scope(self) -> Scope:
        """What every later read of the target compares: the proof's, apply's, rollback's."""
        return Scope(
            self.managed_schemas,
            self.extensions,
            self.managed_roles,
            self.platform,
            self.subscriptions,
        )

    def hazards(self) -> set[str]:
        return {h for s in self.statements for h in s.hazards}

    @property
    def has_changes(self) -> bool:
        return bool(self.statements)

    @property
    def up_sql(self) -> str:
        return render_sql(self.statements)

    @property
    def down_sql(self) -> str:
        return render_sql(self.rollback)

    @property
    def up_script(self) -> str:
        """up_sql as a file to run as it is (`psql -f`): the settings it needs first."""
        return render_script(self.statements)

    @property
    def down_script(self) -> str:
        return render_script(self.rollback)


# What a file of planned statements (a Supabase migration, --sql-out, --rollback-out) sets
# before them, as pg_dump's output does, so that it runs as it is, with `psql -f` or
# `supabase db push`, whatever the session had. Session settings, not SET LOCAL: psql runs
# a file statement by statement, where SET LOCAL would last one statement; the Supabase CLI
# runs each file in one transaction, and resets the session (RESET ALL) before the next.
SCRIPT_SETTINGS: Final = (
    # The file is written in UTF-8, its literals for standard strings.
    "set client_encoding = 'UTF8'",
    "set standard_conforming_strings = on",
    # Every name the plan prints is schema-qualified (the catalog is read with no search
    # path): with none here, nothing resolves through whichever schema a session has first.
    "select pg_catalog.set_config('search_path', '', false)",
    # Bodies are checked when they run, not when created (as apply and pg_dump do): a
    # function comes before the tables its %ROWTYPE or SQL body names. SQL-standard bodies
    # (BEGIN ATOMIC, RETURN) are parsed regardless: the differ orders them by pg_depend.
    "set check_function_bodies = off",
)


def render_sql(statements: tuple[PlannedStatement, ...]) -> str:
    """The statements as SQL for psql: one that names an environment variable's value
    (:'NAME') is preceded by the psql command that reads the variable (psql 15+)."""
    return "".join(
        f"{_getenv(s)}{s.sql.rstrip().rstrip(';')};\n\n" for s in statements
    ).rstrip() + ("\n" if statements else "")


def _getenv(statement: PlannedStatement) -> str:
    name = statement.conninfo_env
    return f"\\getenv {name} {name}\n" if name else ""


def render_script(statements: tuple[PlannedStatement, ...]) -> str:
    """The statements as a file to run as it is: the settings they need, then them."""
    if not statements:
        return ""
    return "".join(f"{setting};\n" for setting in SCRIPT_SETTINGS) + "\n" + render_sql(statements)


def read_plan(path: Path) -> Plan:
    if not path.is_file():
        raise InputError(f"plan file {path} does not exist")
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.lstrip().startswith("{"):
        hint = "this looks like SQL: pass a plan written by `plan --out PLAN.json`"
        raise InputError(f"{path} is not a plan file (JSON expected)", hint=hint)
    try:
        plan = Plan.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: not a valid plan ({where}: {first['msg']})") from None
    if plan.tool_version != __version__:
        raise InputError(
            f"{path} was written by creo-schema {plan.tool_version}, this is {__version__}",
            hint="plan again with this version",
        )
    return plan
