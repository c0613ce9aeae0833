"""A finding: one located problem reported by `validate` (static rules) or a lint rule.

Unlike `CreoError`, a finding does not stop the run: `validate` collects them all so that every
problem shows at once. Lives in `source/` because the static rules make them; `lint/` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from creo_schema.errors import Location

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, where it is, and what to do about it."""

    level: Level
    rule: str  # a static rule (`non-declarative`, `duplicate`, ...) or a lint rule name
    message: str
    location: Location | None = None
    hint: str | None = None

    def one_line(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.level} {self.rule}: {self.message}"

    def text(self) -> str:
        """`file:line:col: level rule: message`, then `  hint: ...` when there is one."""
        return self.one_line() + (f"\n  hint: {self.hint}" if self.hint else "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"level": self.level, "rule": self.rule, "message": self.message}
        out["location"] = (
            {
                "file": self.location.file,
                "line": self.location.line,
                "column": self.location.column,
            }
            if self.location
            else None
        )
        out["hint"] = self.hint
        return out


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    loc = finding.location
    return (loc.file, loc.line, loc.column, finding.rule) if loc else ("", 0, 0, finding.rule)
