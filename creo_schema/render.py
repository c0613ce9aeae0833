"""Turn results into text for people or versioned JSON for machines. No I/O but the console."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from creo_schema.errors import CreoError
from creo_schema.plan.hazards import EXPLANATION, REFUSED_BY_DEFAULT, Hazard
from creo_schema.plan.timings import Timings
from creo_schema.plan_document import Plan, PlannedStatement
from creo_schema.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from creo_schema.apply.run import PendingRollback

REFUSED = {h.value for h in REFUSED_BY_DEFAULT}

JSON_VERSION = 1


def document(kind: str, **fields: object) -> str:
    """A versioned JSON document: every `--format json` output has this envelope."""
    return json.dumps(
        {"format": f"creo-schema/{kind}", "format_version": JSON_VERSION, **fields},
        indent=2,
        default=str,
    )


def plan_json(plan: Plan, timings: Timings | None = None, **extra: object) -> str:
    body = plan.model_dump(mode="json")
    body.pop("format", None)
    body.pop("format_version", None)
    body["has_changes"] = plan.has_changes
    if timings:
        body["timings_s"] = {k: round(v, 4) for k, v in timings.steps.items()}
    body.update(extra)
    return document("plan", **body)


PHASE_TITLES = {
    "pre": "-- phase 0: each in a transaction of its own, first (enum labels the rest may use)",
    "main": "-- phase 1: one transaction",
    "concurrent": "-- phase 2: outside any transaction (concurrent index builds; a subscription's slot)",
    "validate": "-- phase 3: validations, each in its own transaction (writes go on)",
    "post": "-- phase 4: one transaction",
}


def plan_shower(console: Console | None, first: Callable[[], None]) -> Callable[[Plan], None]:
    """How a workflow shows the plan it is about to apply: `first` (the progress line goes),
    then the plan on `console` (None: nothing shown, the JSON says it all)."""

    def show(plan: Plan) -> None:
        first()
        if console is not None:
            show_plan(console, plan)

    return show


def show_plan(console: Console, plan: Plan, *, title: str = "Plan") -> None:
    count = len(plan.statements)
    console.print(
        f"[bold]{title}[/bold] for {plan.target} (PostgreSQL {plan.server_major}, "
        f"schemas: {', '.join(plan.managed_schemas)})"
    )
    if not count:
        _show_warnings(console, plan)
        console.print("No changes: the database matches schema/.")
        return
    console.print(f"{plural(count, 'statement')} to apply, {len(plan.rollback)} to roll back.")
    _show_verification(console, plan)
    _show_warnings(console, plan)
    _show_access(console, plan)
    console.print()
    phase = None
    for statement in plan.statements:
        if statement.phase != phase:
            phase = statement.phase
            console.print(f"[bold]{PHASE_TITLES[phase]}[/bold]")
        _show_statement(console, statement)
    console.print(f"[bold]{_rollback_title(plan.rollback)}[/bold]")
    if not plan.rollback:
        console.print("-- (nothing)")
    for statement in plan.rollback:
        _show_statement(console, statement)


def _rollback_title(statements: tuple[PlannedStatement, ...]) -> str:
    """A rollback is one transaction, but for what cannot run in one (a subscription's
    slot on its publisher), which runs alone after it."""
    if all(s.transactional for s in statements):
        return "-- rollback (one transaction)"
    return "-- rollback (one transaction; those marked not_transactional alone after it)"


def _show_access(console: Console, plan: Plan) -> None:
    """The access review: who gains or loses what (access/review.py)."""
    if not plan.access:
        return
    from rich.markup import escape  # a sentence's "[restrictive]" is text, not a style

    console.print("[bold]Access changes:[/bold]")
    for note in plan.access:
        mark = "[red]+[/red]" if note.widens else "-"
        # A policy's expression can span lines: they stay under the item, not at the margin.
        sentence = note.sentence.replace("\n", "\n    ")
        console.print(f"  {mark} {escape(sentence)}", markup=True, highlight=False)


def access_markdown(plan: Plan) -> list[str]:
    """The access review as a markdown section (for `drift --format markdown`)."""
    if not plan.access:
        return []
    lines = ["", "#### Access changes", ""]
    lines += [
        f"- {'**widens**: ' if note.widens else ''}{note.sentence}".replace("\n", "\n  ")
        for note in plan.access
    ]
    return lines


def _show_warnings(console: Console, plan: Plan) -> None:
    for warning in plan.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")


def rollback_shower(console: Console | None) -> Callable[[PendingRollback], None]:
    """How the rollback workflow shows a migration's recorded rollback before it asks
    (None: nothing shown, the JSON says it all)."""

    def show(pending: PendingRollback) -> None:
        if console is not None:
            show_rollback(
                console, pending.migration.id, pending.statements, recorded=pending.recorded
            )

    return show


def show_rollback(
    console: Console,
    migration_id: int,
    statements: tuple[PlannedStatement, ...],
    *,
    recorded: bool,
) -> None:
    """A recorded rollback before it runs, in the style of `show_plan`."""
    count = len(statements)
    source = (
        "hazards as planned"
        if recorded
        else "hazards classified again from the recorded SQL (migration older than the "
        "recorded hazards)"
    )
    console.print(
        f"[bold]Rollback[/bold] of migration {migration_id}: {plural(count, 'statement')}, {source}."
    )
    console.print()
    console.print(f"[bold]{_rollback_title(statements)}[/bold]")
    if not statements:
        console.print("-- (nothing)")
    for statement in statements:
        _show_statement(console, statement)


def _show_statement(console: Console, statement: PlannedStatement) -> None:
    for note in statement.notes:
        console.print(sql_comment(f"access: {note}"), markup=False, highlight=False)
    for hazard in statement.hazards:
        colour = "red" if hazard in REFUSED else "yellow"
        console.print(f"[{colour}]-- hazard {hazard}: {EXPLANATION[Hazard(hazard)]}[/{colour}]")
    from rich.syntax import Syntax  # pygments: imported only when a plan is shown as text

    text = statement.sql.rstrip().rstrip(";") + ";\n"
    console.print(Syntax(text, "sql", theme="ansi_dark", background_color="default"))


def sql_comment(text: str) -> str:
    """`text` as SQL line comments, every line of it: a note can quote a policy's USING
    expression, which the catalog prints over several lines (a sub-select), and a line
    left bare would read as SQL to whoever copies the plan."""
    return "\n".join(f"-- {line}".rstrip() for line in text.splitlines() or [""])


def _show_verification(console: Console, plan: Plan) -> None:
    check = plan.verification
    if check is None:
        console.print("[yellow]Not verified[/yellow] (verify_plans = false).")
    elif check.verified:
        opinion = f" ({check.second_opinion})" if check.second_opinion else ""
        console.print(
            f"[green]Verified[/green] in {check.duration_ms} ms: {check.method}{opinion}."
        )
    else:
        console.print("[red]Verification failed:[/red]")
        for problem in check.problems:
            console.print(f"  - {problem}")


def error_text(error: CreoError) -> str:
    text = f"error: {error.one_line()}"
    if error.hint:
        text += f"\nhint: {error.hint}"
    return text
