"""Online rewrites: change an existing table without holding it locked for a full scan.

- An index on an existing table is built `CONCURRENTLY`, outside the transaction.
- A foreign key or check added to an existing table is added `NOT VALID` (a brief lock), then
  validated in a transaction of its own (SHARE UPDATE EXCLUSIVE: writes go on).
- `SET NOT NULL` on an existing column goes through a validated `CHECK (col IS NOT NULL)`,
  which lets PostgreSQL (12+) set NOT NULL without scanning again; the check is dropped after.

Tables created by the same plan are empty: their statements stay in the main transaction.
The output is ordered by phase, which is the order apply runs them in.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pglast import ast, enums
from pglast.stream import RawStream

from creo_schema.plan.classify import Classified, classify
from creo_schema.plan.hazards import Hazard

if TYPE_CHECKING:
    from creo_schema.plan.model import Phase

MAIN: Final = "main"
CONCURRENT: Final = "concurrent"
VALIDATE: Final = "validate"
POST: Final = "post"
PHASES = (MAIN, CONCURRENT, VALIDATE, POST)
AT = enums.AlterTableType


@dataclass(frozen=True, slots=True)
class Step:
    sql: str
    phase: Phase
    classified: Classified


def rewrite(
    statements: list[str], existing_tables: set[str], old_types: Mapping[str, str] | None = None
) -> list[Step]:
    classified = [classify(sql, old_types) for sql in statements]
    used_by_constraint = _indexes_used_by_constraints(classified)
    steps: list[Step] = []
    for sql, item in zip(statements, classified, strict=True):
        steps += _rewrite_one(sql, item, existing_tables, used_by_constraint)
    order = {phase: i for i, phase in enumerate(PHASES)}
    return sorted(steps, key=lambda step: order[step.phase])  # stable: keeps order within a phase


def _rewrite_one(sql: str, item: Classified, existing: set[str], pinned: set[str]) -> list[Step]:
    node = item.node
    if isinstance(node, ast.IndexStmt) and not node.concurrent and _relation(node).inh:
        # `ON ONLY` (inh false) marks a partitioned parent's index: it cannot be concurrent.
        table = _table(_relation(node))
        if table in existing and node.idxname not in pinned:
            concurrent = copy.deepcopy(node)
            concurrent.concurrent = True
            text = RawStream()(concurrent)
            return [Step(text, CONCURRENT, classify(text))]
    if isinstance(node, ast.AlterTableStmt) and node.cmds and len(node.cmds) == 1:
        table = _table(_relation(node))
        cmd = node.cmds[0]
        subtype = AT(cmd.subtype)
        if table in existing and subtype == AT.AT_ValidateConstraint:
            return [Step(sql, VALIDATE, item)]
        if table in existing and subtype == AT.AT_AddConstraint and _validatable(cmd.def_):
            return _not_valid_then_validate(node, table)
        if table in existing and subtype == AT.AT_SetNotNull:
            return _not_null_through_check(node, cmd.name)
    return [Step(sql, MAIN, item)]


def _relation(node: ast.IndexStmt | ast.AlterTableStmt) -> ast.RangeVar:
    # pglast's stubs type every field optional; the parser always sets this one.
    assert node.relation is not None
    return node.relation


def _table(relation: ast.RangeVar) -> str:
    return f"{relation.schemaname or 'public'}.{relation.relname}"


def _validatable(constraint: object) -> bool:
    kinds = (enums.ConstrType.CONSTR_FOREIGN, enums.ConstrType.CONSTR_CHECK)
    return (
        isinstance(constraint, ast.Constraint)
        and constraint.contype in kinds
        and not constraint.skip_validation
        and bool(constraint.conname)
    )


def _not_valid_then_validate(node: ast.AlterTableStmt, table: str) -> list[Step]:
    not_valid = copy.deepcopy(node)
    assert node.cmds and not_valid.cmds  # the one ADD CONSTRAINT _rewrite_one saw
    not_valid.cmds[0].def_.skip_validation = True
    not_valid.cmds[0].def_.initially_valid = False
    first = RawStream()(not_valid)
    name = node.cmds[0].def_.conname
    second = f'alter table {_quoted(_relation(node))} validate constraint "{name}"'
    return [Step(first, MAIN, classify(first)), Step(second, VALIDATE, classify(second))]


def _not_null_through_check(node: ast.AlterTableStmt, column: str) -> list[Step]:
    table = _quoted(_relation(node))
    digest = hashlib.sha256(f"{table}.{column}".encode()).hexdigest()[:8]
    check = f"creo_not_null_{digest}"
    statements: list[tuple[str, Phase]] = [
        (
            f'alter table {table} add constraint "{check}" check ("{column}" is not null) not valid',
            MAIN,
        ),
        (f'alter table {table} validate constraint "{check}"', VALIDATE),
        (f'alter table {table} alter column "{column}" set not null', POST),
        (f'alter table {table} drop constraint "{check}"', POST),
    ]
    steps = []
    for text, phase in statements:
        item = classify(text)
        if phase == POST and "set not null" in text:
            # Proven by the validated check: PostgreSQL skips the scan; the lock is brief.
            item = Classified(
                item.kind, item.action, item.target, (Hazard.ACCESS_EXCLUSIVE_LOCK,), item.node
            )
        steps.append(Step(text, phase, item))
    return steps


def _quoted(relation: ast.RangeVar) -> str:
    return f'"{relation.schemaname or "public"}"."{relation.relname}"'


def _indexes_used_by_constraints(items: list[Classified]) -> set[str]:
    """Indexes a later statement of the transaction needs: `ADD CONSTRAINT ... USING INDEX`,
    `ALTER INDEX ... ATTACH PARTITION`."""
    names: set[str] = set()
    for item in items:
        if isinstance(item.node, ast.AlterTableStmt):
            for cmd in item.node.cmds or ():
                index = getattr(cmd.def_, "indexname", None) if cmd.def_ is not None else None
                if index:
                    names.add(index)
                # ALTER INDEX parent ATTACH PARTITION child: the child must exist by then.
                if isinstance(cmd.def_, ast.PartitionCmd) and cmd.def_.name is not None:
                    assert cmd.def_.name.relname is not None  # the parser names the partition
                    names.add(cmd.def_.name.relname)
    return names
