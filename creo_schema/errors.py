"""The one error hierarchy of the tool: every failure the user can cause or meet.

Each error carries its exit code (DESIGN.md): 2 bad input or configuration, 3 the database
refused or failed, 4 a safety refusal. The CLI catches `CreoError` in exactly one place and
prints `location: message` on one line, plus an optional `hint:` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a schema file; line and column are 1-based, as editors count them."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class CreoError(Exception):
    exit_code = 1
    kind = "error"

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        hint: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        self.details = details or {}

    def one_line(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.message}"

    def with_context(self, context: str) -> CreoError:
        """Prefix a short lower-case context, so a message reads like a trace."""
        self.message = f"{context}: {self.message}"
        self.args = (self.message,)
        return self

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "message": self.message}
        if self.location:
            out["location"] = {
                "file": self.location.file,
                "line": self.location.line,
                "column": self.location.column,
            }
        if self.hint:
            out["hint"] = self.hint
        if self.details:
            out["details"] = self.details
        return out


class InputError(CreoError):
    """Bad input: a schema file, a flag, a configuration value, a plan file."""

    exit_code = 2
    kind = "input"


class DatabaseError(CreoError):
    """A database could not be reached, or refused or failed a statement."""

    exit_code = 3
    kind = "database"


class SafetyError(CreoError):
    """The tool refuses to go on: a stale plan, a destructive change, a failed check."""

    exit_code = 4
    kind = "safety"
