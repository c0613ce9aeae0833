"""The plan document: versioned JSON that round-trips, and never holds a password."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from creo_schema import __version__
from creo_schema.errors import InputError

# Final: their types are the literals the Plan fields below accept.
FORMAT: Final = "creo-schema/plan"
FORMAT_VERSION: Final = 1

# main: the one transaction; concurrent: alone, outside any transaction; validate: each
# in a transaction of its own; post: one transaction after the validations.
Phase = Literal["main", "concurrent", "validate", "post"]


class PlannedStatement(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    sql: str
    phase: Phase = "main"
    kind: str = ""  # the pglast node name, e.g. AlterTableStmt
    action: str = ""  # create, alter, drop, grant, revoke, comment, other
    target: str = ""  # the object touched, e.g. public.orders
    hazards: tuple[str, ...] = ()

    @property
    def transactional(self) -> bool:
        return self.phase != "concurrent"


class Verification(BaseModel):
    """What proving the plan on a shadow copy (plan/verify.py) showed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verified: bool
    method: str  # what was copied and how it was compared
    added_statements: int = 0  # residue the engine missed, found by re-diffing the copy
    added_rollback_statements: int = 0
    duration_ms: int = 0
    problems: tuple[str, ...] = ()


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["creo-schema/plan"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    tool_version: str = __version__
    created_at: datetime
    target: str  # the target URL, password redacted
    server_major: int
    platform: str
    managed_schemas: tuple[str, ...]
    extensions: tuple[str, ...] = ()  # declared extensions: diffed though in `extensions`
    source_fingerprint: str  # of the declared SQL (deparsed), what `schema/` said
    target_fingerprint: str  # of the target's schema when planned: apply refuses if it moved
    desired_fingerprint: str  # of the desired schema: the target's after a successful apply
    statements: tuple[PlannedStatement, ...]
    rollback: tuple[PlannedStatement, ...]
    verification: Verification | None = None

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


def render_sql(statements: tuple[PlannedStatement, ...]) -> str:
    return "".join(f"{s.sql.rstrip().rstrip(';')};\n\n" for s in statements).rstrip() + (
        "\n" if statements else ""
    )


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
