"""The matrix for people (text, markdown) and machines (plain dicts for the JSON document)."""

from __future__ import annotations

from typing import Any

from creo_schema.access.concerns import Concern
from creo_schema.access.model import (
    FUNCTION_COMMANDS,
    NONE,
    POLICIES,
    TABLE_COMMANDS,
    Cell,
    Matrix,
)

_SHORT = {
    NONE: "-",
    POLICIES: "policy",
    "all rows": "all",
    "bypasses RLS": "bypass",
    "as the caller": "caller",
    "as its owner": "owner",
}


def matrix_dict(matrix: Matrix, found: list[Concern]) -> dict[str, Any]:
    return {
        "roles": list(matrix.roles),
        "cells": [c.to_dict() for c in matrix.cells],
        "concerns": [c.to_dict() for c in found],
    }


def matrix_text(matrix: Matrix, found: list[Concern]) -> str:
    """One block per object: each role's commands that reach something, with how."""
    lines: list[str] = []
    for obj, kind in matrix.objects():
        cells = [c for role in matrix.roles for c in _cells(matrix, obj, role) if c.reachable]
        lines.append(f"{kind} {obj}" + ("" if cells else ": no API or declared role reaches it"))
        for cell in cells:
            lines.append(f"  {cell.role} {cell.command}: {cell.summary()}")
            lines.extend(_policy_lines(cell, "    "))
    lines.append("")
    lines.extend(_concern_lines(found))
    return "\n".join(lines) + "\n"


def matrix_markdown(matrix: Matrix, found: list[Concern]) -> str:
    """A table per kind of object: rows are objects, columns roles, each cell the commands
    and how far they reach (`select: policy`); policies listed below the table."""
    out = ["## Access", ""]
    roles = matrix.roles
    out.append("| object | " + " | ".join(roles) + " |")
    out.append("|---|" + "---|" * len(roles))
    details: list[str] = []
    for obj, kind in matrix.objects():
        row = [f"`{obj}` ({kind})"]
        for role in roles:
            parts = [
                f"{c.command} {_SHORT.get(c.rows, c.rows)}"
                + (" (cols)" if c.columns is not None else "")
                for c in _cells(matrix, obj, role)
                if c.reachable
            ]
            row.append(", ".join(parts) or "-")
            details.extend(
                f"- `{obj}` {role} {c.command}: {c.summary()}"
                for c in _cells(matrix, obj, role)
                if c.reachable and (c.rows == POLICIES or c.columns is not None)
            )
        out.append("| " + " | ".join(row) + " |")
    if details:
        out += ["", "### Limits", "", *details]
    out += ["", "### Concerns", ""]
    out += [f"- **{c.level}** `{c.rule}`: {c.message}" for c in found] or ["None."]
    return "\n".join(out) + "\n"


def _cells(matrix: Matrix, obj: str, role: str) -> list[Cell]:
    found = (matrix.cell(obj, role, command) for command in (*TABLE_COMMANDS, *FUNCTION_COMMANDS))
    return [c for c in found if c is not None]


def _policy_lines(cell: Cell, indent: str) -> list[str]:
    lines = []
    for p in cell.policies:
        kind = "permissive" if p.permissive else "restrictive"
        clauses = [f"using ({p.using})"] if p.using is not None else []
        clauses += [f"with check ({p.with_check})"] if p.with_check is not None else []
        lines.append(f"{indent}{p.name} ({kind}): {' '.join(clauses) or 'every row'}")
    return lines


def _concern_lines(found: list[Concern]) -> list[str]:
    if not found:
        return ["No concerns."]
    return [f"{c.level} {c.rule}: {c.message}" for c in found]
