"""Progress on stderr, only when a person is watching (text output to a terminal), never
with --format json: long row copies (backups, restores), and the steps of a plan with the
counts of those that count their work. rich's progress is loaded only then."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Column
from rich.text import Text

from creo_schema.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from creo_schema.plan.timings import StepReport

STEP_TEXT = {
    "parse": "parsing schema/",
    "validate": "checking schema/",
    "shadow": "starting the shadow database",
    "load": "loading the desired state into the shadow",
    "lint": "running the advisor lints",
    "engine": "reading the desired state for the second opinion",
    "verify": "proving the plan on a shadow copy",
    "inspect": "inspecting both databases",
    "diff": "computing the difference",
    "checks": "checking the target's rows",
}


class _Rows(ProgressColumn):
    """`12,345/100,000 rows` (the total is PostgreSQL's estimate: it may be passed)."""

    def render(self, task: Task) -> Text:
        total = f"/{int(task.total):,}" if task.total else ""
        return Text(f"{int(task.completed):,}{total} rows")


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "")


class RowProgress:
    """`progress(table, rows_done, rows_total)` as backup/ and restore call it: a line for
    the table being copied, and one for all of them (tables so far, rows, rate)."""

    def __init__(self, enabled: bool) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        self.bar: Progress | None = (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                _Rows(),
                _Rate(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            if enabled and console.is_terminal
            else None
        )
        self.tasks: dict[str, TaskID] = {}
        self.rows: dict[str, int] = {}
        self.overall: TaskID | None = None

    def __call__(self, table: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        if self.overall is None:
            self.overall = self.bar.add_task("all tables", total=None)
        if table not in self.tasks:
            for other in self.tasks.values():  # one table at a time: the last one is done
                self.bar.update(other, visible=False)
            self.tasks[table] = self.bar.add_task(table, total=total or None)
        self.bar.update(self.tasks[table], completed=done, total=max(total, done) or None)
        self.rows[table] = done
        self.bar.update(
            self.overall,
            completed=sum(self.rows.values()),
            description=plural(len(self.rows), "table"),
        )

    def __enter__(self) -> RowProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


class _Counts(ProgressColumn):
    """`1,200/3,000 statements` for a step that counts, nothing for one that does not."""

    def __init__(self) -> None:
        super().__init__(table_column=Column(no_wrap=True))

    def render(self, task: Task) -> Text:
        if task.total is None:
            return Text("")
        return Text(f"{int(task.completed):,}/{int(task.total):,} {task.fields['unit']}")


class _CountRate(ProgressColumn):
    """`850/s`: the step's own average (done over its time until it was done), which a
    first batch already has."""

    def __init__(self) -> None:
        super().__init__(table_column=Column(no_wrap=True))

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        if task.total is None or not task.completed or not elapsed:
            return Text("")
        return Text(f"{task.completed / elapsed:,.0f}/s")


class StepBar:
    """One line: the step running, and for a step that counts, how far and how fast.

    A step's last count is drawn before the next step replaces it, so the totals are seen
    even when a step ends between two refreshes."""

    def __init__(self, console: Console) -> None:
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            _Counts(),
            _CountRate(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.task: TaskID | None = None
        self.step = ""

    def __call__(self, report: StepReport) -> None:
        if self.task is None:
            self.bar.start()
        if self.task is None or report.done is None or report.step != self.step:
            if self.task is not None:
                self.bar.remove_task(self.task)
            self.step = report.step
            text = STEP_TEXT.get(report.step, report.step)
            self.task = self.bar.add_task(text, total=None, unit=report.unit)
        if report.done is None:
            return
        self.bar.update(self.task, completed=report.done, total=report.total, unit=report.unit)
        if report.total is not None and report.done >= report.total:
            self.bar.refresh()

    def stop(self) -> None:
        self.bar.stop()
