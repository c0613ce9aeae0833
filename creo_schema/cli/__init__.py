"""The command line: flags -> Settings -> one command function -> rendered result.

Errors are caught in one place (`CreoGroup.invoke`, cli/app.py) and shown as one line,
`file:line:col: message` where there is a file, with the exit code the error carries
(DESIGN.md): 0 ok / in sync, 1 changes or drift found, 2 bad input, 3 database error,
4 safety refusal. Each module of this package registers one command or group.
"""

from creo_schema.cli import (
    access,
    accesstest,
    backup,
    dev,
    gen,
    health,
    history,
    planning,
    pulling,
    shadow,
    validating,
)
from creo_schema.cli.app import cli

__all__ = [
    "access",
    "accesstest",
    "backup",
    "cli",
    "dev",
    "gen",
    "health",
    "history",
    "main",
    "planning",
    "pulling",
    "shadow",
    "validating",
]


def main() -> None:
    cli(prog_name="creo-schema")
