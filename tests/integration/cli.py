"""Running the real command line against real databases, as a user would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from creo_schema.cli import cli
from creo_schema.db import connect


def _lints_off() -> str:
    from creo_schema.lint.registry import all_rules

    names = ", ".join(f'"{name}"' for name in sorted(all_rules()))
    return f"lint_disable = [{names}]\n"


LINTS_OFF = _lints_off()


@dataclass
class Project:
    """A scratch project: a schema/ directory and a target database URL.

    The advisor lints stop a plan on an error (a table in public without row level
    security, say), as they would a user's; tests about something else write a
    creo-schema.toml that turns them off, unless `lints` is set or the test writes its own.
    """

    root: Path
    url: str
    lints: bool = False

    def write(self, relative: str, sql: str) -> Path:
        path = self.root / "schema" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql)
        return path

    def run(self, *args: str, url: str | None = None, input: str | None = None) -> Result:
        base = ["--schema-dir", str(self.root / "schema"), "--database-url", url or self.url]
        config = self.root / "creo-schema.toml"
        if not self.lints and not (self.root / "pyproject.toml").exists():
            written = config.read_text() if config.exists() else ""
            if "lint_" not in written:
                config.write_text(written + LINTS_OFF)
        if config.exists():
            base += ["--config", str(config)]
        return CliRunner().invoke(cli, [*base, *args], input=input, catch_exceptions=False)

    def query(self, sql: str) -> list[tuple]:
        with connect(self.url, autocommit=True) as conn:
            return conn.execute(sql).fetchall()  # type: ignore[arg-type]

    def execute(self, sql: str) -> None:
        with connect(self.url, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def tables(self) -> list[str]:
        return [
            r[0]
            for r in self.query(
                "select schemaname || '.' || tablename from pg_tables "
                "where schemaname not in ('pg_catalog', 'information_schema', 'auth') order by 1"
            )
        ]
