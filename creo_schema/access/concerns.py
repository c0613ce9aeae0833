"""The usual access mistakes, named from a matrix (SUPABASE.md section 7):

- `rls_off`: an API role reaches every row of an exposed table with row level security off;
- `missing_policy`: a role holds a privilege on a table with row level security on, and no
  policy admits it: the grant reaches nothing (a policy forgotten, or a grant too many);
- `view_bypasses_rls`: an exposed view without `security_invoker` readable by anon or
  authenticated: it runs as its owner, past the tables' policies;
- `definer_function_for_anon`: anon may execute a SECURITY DEFINER function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from creo_schema.access.model import ALL_ROWS, BYPASS, NONE, Cell, Matrix

_CALLERS = ("anon", "authenticated")


@dataclass(frozen=True, slots=True)
class Concern:
    level: str  # error, warning
    rule: str
    object: str
    role: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "rule": self.rule,
            "object": self.object,
            "role": self.role,
            "message": self.message,
        }


def concerns(matrix: Matrix) -> list[Concern]:
    found: list[Concern] = []
    for cell in matrix.cells:
        concern = _concern(cell)
        if concern is not None and concern not in found:
            found.append(concern)
    return found


def _concern(cell: Cell) -> Concern | None:
    verb = cell.command.upper()
    if (
        cell.kind in ("table", "partitioned table")
        and cell.exposed
        and cell.role in _CALLERS
        and cell.rows == ALL_ROWS
        and cell.reason == "row level security is off"
    ):
        return Concern(
            "error",
            "rls_off",
            cell.object,
            cell.role,
            f"{cell.role} can {verb} every row of {cell.object}: row level security is off",
        )
    if cell.rows == NONE and cell.reason.startswith("row level security is on and no policy"):
        return Concern(
            "warning",
            "missing_policy",
            cell.object,
            cell.role,
            f"{cell.role} holds {verb} on {cell.object} but no policy admits it, so it reaches "
            "no row: a missing policy, or a grant to revoke",
        )
    if (
        cell.kind == "view"
        and cell.exposed
        and cell.role in _CALLERS
        and cell.command == "select"
        and cell.reason.startswith("no security_invoker")
    ):
        past = "past every policy" if cell.rows == BYPASS else "with its owner's rights"
        return Concern(
            "error",
            "view_bypasses_rls",
            cell.object,
            cell.role,
            f"{cell.role} reads {cell.object} {past}: the view has no security_invoker "
            f"({cell.reason.partition(': ')[2]})",
        )
    if (
        cell.kind in ("function", "procedure")
        and cell.role == "anon"
        and cell.reachable
        and cell.reason.startswith("SECURITY DEFINER")
    ):
        return Concern(
            "warning",
            "definer_function_for_anon",
            cell.object,
            cell.role,
            f"anon can execute {cell.object}, a SECURITY DEFINER function "
            f"({cell.reason.partition(': ')[2]})",
        )
    return None
