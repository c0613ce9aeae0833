"""Turn results into text for people or versioned JSON for machines. No I/O but the console."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.syntax import Syntax

from creo_schema.errors import CreoError
from creo_schema.plan.build import Timings
from creo_schema.plan.model import Plan

JSON_VERSION = 1


def document(kind: str, **fields: Any) -> str:
    """A versioned JSON document: every `--format json` output has this envelope."""
    return json.dumps(
        {"format": f"creo-schema/{kind}", "format_version": JSON_VERSION, **fields},
        indent=2,
        default=str,
    )


def plan_json(plan: Plan, timings: Timings | None = None, **extra: Any) -> str:
    body = plan.model_dump(mode="json")
    body.pop("format", None)
    body.pop("format_version", None)
    body["has_changes"] = plan.has_changes
    if timings:
        body["timings_s"] = {k: round(v, 4) for k, v in timings.steps.items()}
    body.update(extra)
    return document("plan", **body)


def show_plan(console: Console, plan: Plan, *, title: str = "Plan") -> None:
    count = len(plan.statements)
    console.print(
        f"[bold]{title}[/bold] for {plan.target} (PostgreSQL {plan.server_major}, "
        f"schemas: {', '.join(plan.managed_schemas)})"
    )
    if not count:
        console.print("No changes: the database matches schema/.")
        return
    noun = "statement" if count == 1 else "statements"
    console.print(f"{count} {noun} to apply, {len(plan.rollback)} to roll back.\n")
    console.print("[bold]-- migration[/bold]")
    console.print(Syntax(plan.up_sql, "sql", theme="ansi_dark", background_color="default"))
    console.print("[bold]-- rollback[/bold]")
    console.print(
        Syntax(
            plan.down_sql or "-- (nothing)\n", "sql", theme="ansi_dark", background_color="default"
        )
    )


def error_text(error: CreoError) -> str:
    text = f"error: {error.one_line()}"
    if error.hint:
        text += f"\nhint: {error.hint}"
    return text
