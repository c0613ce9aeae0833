"""A proven plan as Supabase CLI migration files.

The Supabase CLI reads the top level of `supabase/migrations/` only, files named
`<digits>_<name>.sql` (any other file there, `x.down.sql` included, would match too), and runs
each file in one transaction, recording it in `supabase_migrations.schema_migrations`. So:

- the rollback goes to a sibling folder, `supabase/rollbacks/<version>_<name>.down.sql`, which
  the CLI never reads;
- statements the plan runs in a transaction of their own before the rest (an enum label
  added, which the rest may use: PostgreSQL refuses a new label in the transaction that
  added it) get a file of their own, one second earlier;
- statements that cannot run inside a transaction (`create index concurrently`) cannot be
  written as a migration file: that is bad input, with `creo-schema apply` as the way; nor
  can a subscription's, whose connection string only `apply` reads from the environment.

Each file starts with a header comment: what wrote it, the hazards of its statements, and
the plan's fingerprints (`apply` finds the files of the plan it applies by them); nothing of
the machine it was planned on (a file is committed, and run against other databases: the
target fingerprint names the state it starts from). Then the session settings the
statements need (plan/model.py SCRIPT_SETTINGS), so that each file runs as it is with
`psql -f` or `supabase db push` on a database in the plan's starting state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from creo_schema import __version__
from creo_schema.errors import InputError
from creo_schema.plan_document import Plan, PlannedStatement, render_script
from creo_schema.words import plural

MIGRATIONS = "migrations"
ROLLBACKS = "rollbacks"
VERSION_FORMAT = "%Y%m%d%H%M%S"
FILE_PATTERN = re.compile(r"^([0-9]+)_(.*)\.sql$")  # what the Supabase CLI reads
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
PLAN_LINE = re.compile(r"^-- plan: source (\w+) target (\w+) desired (\w+)$", re.MULTILINE)


@dataclass(frozen=True)
class MigrationFile:
    version: str
    name: str
    statements: tuple[PlannedStatement, ...]

    @property
    def file_name(self) -> str:
        return f"{self.version}_{self.name}.sql"


@dataclass(frozen=True)
class Written:
    migrations: tuple[Path, ...]
    rollback: Path


def check_name(name: str) -> str:
    """A migration name the Supabase CLI reads back as written (exit 2 otherwise)."""
    if not NAME_PATTERN.fullmatch(name):
        raise InputError(
            f"--supabase-migration {name!r}: a name is letters, digits, _ and -",
            hint="e.g. --supabase-migration add_orders",
        )
    if name == "init":
        raise InputError(
            "--supabase-migration init: the Supabase CLI skips a first migration named init",
            hint="choose another name, e.g. initial_schema",
        )
    return name


def migration_files(plan: Plan, name: str, first_version: datetime) -> list[MigrationFile]:
    """The plan's statements as the files `supabase db push` runs, in order."""
    refuse_outside_transaction(plan, name)
    refuse_environment(plan, name)
    return split_parts(plan, name, first_version)


def split_parts(plan: Plan, name: str, first_version: datetime) -> list[MigrationFile]:
    before = tuple(s for s in plan.statements if s.phase == "pre")
    rest = tuple(s for s in plan.statements if s.phase != "pre")
    parts = [(f"{name}_before", before), (name, rest)] if before else [(name, rest)]
    return [
        MigrationFile((first_version + timedelta(seconds=i)).strftime(VERSION_FORMAT), n, s)
        for i, (n, s) in enumerate(parts)
    ]


def refuse_environment(plan: Plan, name: str) -> None:
    """A statement whose connection string is read from the environment (a subscription's)
    cannot be a migration file: `supabase db push` reads no environment variable, and the
    string holds a password, which no file may."""
    reading = [s for s in (*plan.statements, *plan.rollback) if s.conninfo_env]
    if reading:
        raise InputError(
            f"--supabase-migration {name}: subscription {reading[0].target} takes its "
            f"connection string from the environment variable {reading[0].conninfo_env}, "
            "which supabase db push cannot read (and no file may hold)",
            hint="apply this plan with `creo-schema apply`, which reads it",
        )


def refuse_outside_transaction(plan: Plan, name: str) -> None:
    alone = [s for s in plan.statements if not s.transactional]
    if alone:
        raise InputError(
            f"--supabase-migration {name}: {plural(len(alone), 'statement')} must run outside a "
            f"transaction ({_first_line(alone[0].sql)}), and supabase db push runs each "
            "migration file in one",
            hint="apply this plan with `creo-schema apply`, which runs them alone",
        )


def write(plan: Plan, name: str, root: Path, now: datetime | None = None) -> Written:
    """Write the plan's migration files and its rollback under `root` (the supabase/
    directory); the version is now (UTC), or one second after the newest file there."""
    migrations, rollbacks = root / MIGRATIONS, root / ROLLBACKS
    first = _next_version(migrations, now or datetime.now(UTC))
    files = migration_files(plan, name, first)
    try:
        migrations.mkdir(parents=True, exist_ok=True)
        rollbacks.mkdir(parents=True, exist_ok=True)
        rollback = rollbacks / f"{files[-1].version}_{name}.down.sql"
        paths = []
        for number, part in enumerate(files, start=1):
            path = migrations / part.file_name
            text = _file_text(plan, part, rollback, number, len(files), root)
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        rollback.write_text(_rollback_text(plan, files, root), encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {error.filename}: {error.strerror}") from None
    return Written(tuple(paths), rollback)


def _next_version(migrations: Path, now: datetime) -> datetime:
    """Now, or just after the newest version already there (Supabase applies in order of
    version: a file that sorted before an existing one would never be pushed)."""
    newest = max(
        (found.group(1) for f in _sql_files(migrations) if (found := FILE_PATTERN.match(f.name))),
        default="",
    )
    now = now.replace(microsecond=0)
    if len(newest) == 14 and newest >= now.strftime(VERSION_FORMAT):
        return datetime.strptime(newest, VERSION_FORMAT).replace(tzinfo=UTC) + timedelta(seconds=1)
    return now


def _sql_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.sql") if p.is_file()) if directory.is_dir() else []


def plan_line(plan: Plan) -> str:
    return (
        f"-- plan: source {plan.source_fingerprint} target {plan.target_fingerprint}"
        f" desired {plan.desired_fingerprint}"
    )


def _file_text(
    plan: Plan, part: MigrationFile, rollback: Path, number: int, count: int, root: Path
) -> str:
    check = plan.verification
    proven = f"proven ({check.method})" if check and check.verified else "not verified"
    lines = [
        f"-- {part.name}: written by creo-schema {__version__} "
        f"(`plan --supabase-migration`), part {number} of {count}",
        f"-- planned {plan.created_at:%Y-%m-%d %H:%M:%S} UTC on PostgreSQL {plan.server_major}; "
        f"{proven}",
        plan_line(plan),
        "-- hazards:",
        *(_hazard_lines(part.statements) or ["--   none"]),
        f"-- rollback: {rollback.relative_to(root.parent)} (not read by the Supabase CLI)",
        "",
        "",
    ]
    return "\n".join(lines) + render_script(part.statements)


def _hazard_lines(statements: tuple[PlannedStatement, ...]) -> list[str]:
    return [
        f"--   statement {i}: {', '.join(s.hazards)} ({_first_line(s.sql)})"
        for i, s in enumerate(statements, start=1)
        if s.hazards
    ]


def _rollback_text(plan: Plan, files: list[MigrationFile], root: Path) -> str:
    names = ", ".join(f"{root.name}/{MIGRATIONS}/{f.file_name}" for f in files)
    lines = [
        f"-- Rollback of {names}: written by creo-schema {__version__}",
        "-- Run it with `creo-schema rollback` (its recorded copy; it also removes the versions",
        "-- above from the Supabase CLI's history), or with psql and then",
        "-- `supabase migration repair --status reverted VERSION`.",
        plan_line(plan),
        "-- hazards:",
        *(_hazard_lines(plan.rollback) or ["--   none"]),
        "",
        "",
    ]
    return "\n".join(lines) + render_script(plan.rollback)


def _first_line(sql: str) -> str:
    line = sql.strip().splitlines()[0] if sql.strip() else ""
    return line if len(line) <= 80 else line[:77] + "..."


def files_of(plan: Plan, root: Path) -> list[tuple[str, str]]:
    """(version, name) of the migration files written for `plan`, found by its fingerprints
    in their headers, in order; empty when none was written."""
    wanted = plan_line(plan)
    found = []
    for path in _sql_files(root / MIGRATIONS):
        match = FILE_PATTERN.match(path.name)
        if match and wanted in _head(path):
            found.append((match.group(1), match.group(2)))
    return found


def _head(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return handle.read(4000)
