"""`test`: the access tests of schema/tests/*.toml on a throwaway copy of the desired state.

Every file is parsed before any database work, so a malformed one is bad input (exit 2)
without a shadow started. Then schema/ is loaded into a shadow database as `access` loads
it, and each file runs on a copy of that database of its own (its fixtures are committed
there), each test in a transaction rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict

from creo_schema.accesstest.discover import read_test_files, test_paths
from creo_schema.accesstest.run import CaseResult, run_file
from creo_schema.commands.access import desired_database
from creo_schema.config import Settings
from creo_schema.errors import InputError
from creo_schema.plan.timings import Progress, Timings
from creo_schema.shadow.tempdb import temporary_database


@dataclass(frozen=True)
class TestRun:
    results: list[CaseResult]
    files: int
    timings: Timings

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if not r.passed)


def run_tests(
    settings: Settings, paths: tuple[Path, ...] = (), progress: Progress | None = None
) -> TestRun:
    chosen = list(paths) or test_paths(settings.schema_dir)
    if not chosen:
        raise InputError(
            f"no test files: {settings.schema_dir / 'tests'} holds no *.toml",
            hint="declare access tests in schema/tests/*.toml (see the README, `creo-schema test`)",
        )
    for path in chosen:
        if not path.is_file():
            raise InputError(f"test file {path} does not exist")
    files = read_test_files(chosen)
    timings = Timings()
    results: list[CaseResult] = []
    with desired_database(settings, progress, timings) as desired:
        loaded = str(conninfo_to_dict(desired.url)["dbname"])
        with timings.step("test", progress):
            for test_file in files:
                with temporary_database(desired.admin_url, loaded) as url:
                    results += run_file(url, test_file)
    return TestRun(results, len(files), timings)
