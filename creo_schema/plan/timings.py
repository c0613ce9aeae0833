"""How long each step of a plan took: shown by --format json and read by the benchmarks;
and what a person watching is told while it runs (plain data: cli/ renders it)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class StepReport:
    """A step has started (`done` None), or has done `done` of its `total` units."""

    step: str
    done: int | None = None
    total: int | None = None
    unit: str = "statements"


Progress = Callable[[StepReport], None]
# count(done, total): how far a step that counts its work is.
Count = Callable[[int, int], None]


@dataclass
class Timings:
    steps: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str, progress: Progress | None = None) -> Iterator[Count]:
        """Time the step; the context gives the step's `count(done, total)`, which reports
        how far it is (nothing without `progress`)."""
        if progress:
            progress(StepReport(name))
        started = time.perf_counter()
        try:
            yield _counter(name, progress)
        finally:
            self.steps[name] = self.steps.get(name, 0.0) + time.perf_counter() - started


def _counter(name: str, progress: Progress | None) -> Count:
    def count(done: int, total: int) -> None:
        if progress:
            progress(StepReport(name, done, total))

    return count
