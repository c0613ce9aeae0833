"""Connection strings read from the environment when a statement runs, never stored.

A statement that creates a subscription names its connection string as the psql variable
`:'NAME'` of the environment variable `[subscriptions.<name>] conninfo_env` names
(PlannedStatement.conninfo_env): the plan's files read it with psql's `\\getenv`
(plan/model.py `render_sql`), and `apply` and `rollback` put the value in, as a literal, in
the text they send, which nothing keeps. A variable that is not set (or empty) stops the
command before it touches anything, naming the variable (exit 2: it is configuration).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from creo_schema.diff.kinds.subscriptions import psql_variable
from creo_schema.diff.quote import literal
from creo_schema.errors import InputError
from creo_schema.plan_document import PlannedStatement


def refuse_unset(
    statements: Iterable[PlannedStatement], what: str, environ: Mapping[str, str] | None = None
) -> None:
    """Raise, naming the first environment variable `statements` need that is not set."""
    env = os.environ if environ is None else environ
    for statement in statements:
        name = statement.conninfo_env
        if name and not env.get(name):
            raise InputError(
                f"environment variable {name} is not set: {what} creates subscription "
                f"{statement.target}, whose connection string it holds "
                f"([subscriptions.{statement.target}] conninfo_env)",
                hint=f"set {name} to the publisher's connection string (host=... dbname=... "
                "user=... password=...) and run again; nothing was changed",
            )


def server_sql(statement: PlannedStatement, environ: Mapping[str, str] | None = None) -> str:
    """The statement as the server runs it: the variable's value in place of its name."""
    name = statement.conninfo_env
    if not name:
        return statement.sql
    env = os.environ if environ is None else environ
    refuse_unset((statement,), "the plan", env)
    return statement.sql.replace(psql_variable(name), literal(env[name]), 1)
