"""`pull`: write the target's managed objects into a new schema/, and prove it.

Pulled means proven: once written, schema/ is planned against the same database, and the
plan must be empty; if not, every file pull wrote is removed again and the objects that
differ are named (exit 4). This first part writes into an empty or missing schema/ only:
pulling into an existing one (rewriting only what differs, where it is declared) is
refused by name until it is built.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from creo_schema.commands.target import resolve_target
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.errors import CreoError, InputError, SafetyError
from creo_schema.plan.timings import Progress
from creo_schema.pull.layout import PulledFile, layout
from creo_schema.pull.read import pulled
from creo_schema.words import plural


@dataclass(frozen=True)
class PullResult:
    """What `pull` wrote, or would write (`dry_run`): exit 0 when nothing, else 1."""

    schema_dir: Path
    files: tuple[PulledFile, ...]
    dry_run: bool
    written: tuple[Path, ...] = field(default=())

    @property
    def exit_code(self) -> int:
        return 1 if self.files else 0

    @property
    def diff(self) -> str:
        """The files as a unified diff from nothing (what --dry-run prints)."""
        out: list[str] = []
        for pulled_file in self.files:
            path = self.schema_dir / pulled_file.path
            out += difflib.unified_diff(
                [], pulled_file.text.splitlines(keepends=True), "/dev/null", str(path)
            )
        return "".join(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "changed": bool(self.files),
            "files": [
                {
                    "path": str(self.schema_dir / f.path),
                    "action": "create",
                    "statements": len(f.statements),
                    "objects": list(f.objects),
                }
                for f in self.files
            ],
        }


def pull(settings: Settings, *, dry_run: bool, progress: Progress | None = None) -> PullResult:
    """The target's managed schemas as schema/ files: written, then proven by an empty plan
    (or, with `dry_run`, only shown)."""
    schema_dir = settings.schema_dir
    _refuse_existing(schema_dir)
    with connect(resolve_target(settings)) as conn:
        found = pulled(conn, settings.managed_schemas, settings.platform)
    files = tuple(layout(found.changes, found.side))
    result = PullResult(schema_dir, files, dry_run)
    if dry_run or not files:
        return result
    written: list[Path] = []
    try:
        _write(schema_dir, files, written)
    except OSError as error:  # a folder on the way that is a file, no room, no permission
        _remove(schema_dir, tuple(written))
        raise InputError(
            f"cannot write {error.filename or schema_dir}: {error.strerror or error}",
            hint="nothing was kept: pass --schema-dir with a directory pull may write in",
        ) from None
    try:
        _prove(settings, progress)
    except SafetyError:
        _remove(schema_dir, tuple(written))
        raise
    except CreoError as error:  # the shadow refused a statement pull wrote
        _remove(schema_dir, tuple(written))
        where = f"{error.location}: " if error.location else ""
        raise SafetyError(
            f"the pulled schema/ could not be proven: {where}{error.message}",
            hint="nothing was kept: the files pull wrote were removed; this is an object "
            "creo-schema cannot write back yet",
        ) from None
    return PullResult(schema_dir, files, dry_run, tuple(written))


def _refuse_existing(schema_dir: Path) -> None:
    if schema_dir.exists() and not schema_dir.is_dir():
        raise InputError(
            f"{schema_dir} is a file: pull writes a schema directory there",
            hint="pass --schema-dir with a new or empty directory",
        )
    declared = sorted(schema_dir.rglob("*.sql")) if schema_dir.is_dir() else []
    if declared:
        raise InputError(
            f"{schema_dir} already declares objects ({plural(len(declared), 'SQL file')}): "
            "pull writes into an empty or missing schema directory only, for now",
            hint="pull into a new directory (--schema-dir), then move what you need; pulling "
            "into an existing schema/ in place is not built yet",
        )


def _write(schema_dir: Path, files: tuple[PulledFile, ...], written: list[Path]) -> None:
    """Each file, noted in `written` once it is there (what to remove if a later one fails)."""
    for pulled_file in files:
        path = schema_dir / pulled_file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pulled_file.text, encoding="utf-8")
        written.append(path)


def _prove(settings: Settings, progress: Progress | None) -> None:
    """schema/ as written, planned against the database it was pulled from: it must plan
    nothing (a plan's drift check: read-only, the shadow loads schema/)."""
    from creo_schema.commands.planning import drift
    from creo_schema.drift.changes import changes

    made = drift(settings, progress).plan
    if not made.has_changes:
        return
    named = [f"{c.subject.kind} {c.subject.name}" for c in changes(made)]
    raise SafetyError(
        "the pulled schema/ does not give the database back: "
        + ", ".join(named[:5])
        + (f" (and {len(named) - 5} more)" if len(named) > 5 else "")
        + " would still differ",
        hint="nothing was kept: the files pull wrote were removed; `creo-schema drift` "
        "against a schema/ written by hand names what creo-schema cannot declare yet",
        details={"objects": named},
    )


def _remove(schema_dir: Path, written: tuple[Path, ...]) -> None:
    """Every file pull wrote, and the folders it made that are empty again."""
    for path in written:
        path.unlink(missing_ok=True)
    for folder in sorted({p.parent for p in written}, key=lambda p: len(p.parts), reverse=True):
        while folder != schema_dir.parent and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
