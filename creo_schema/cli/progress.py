"""Progress on stderr for long row copies (backups, restores): counts and rates, only when
a person is watching (text output to a terminal), never with --format json."""

from __future__ import annotations

from typing import Any

from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


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
        self.bar: Any = (
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
        self.tasks: dict[str, Any] = {}
        self.rows: dict[str, int] = {}
        self.overall: Any = None

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
            description=f"{len(self.rows)} table{'s' if len(self.rows) != 1 else ''}",
        )

    def __enter__(self) -> RowProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
