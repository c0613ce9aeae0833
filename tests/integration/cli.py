"""Running the real command line against real databases, as a user would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from creo_schema.cli import cli
from creo_schema.db import connect


@dataclass
class Project:
    """A scratch project: a schema/ directory and a target database URL."""

    root: Path
    url: str

    def write(self, relative: str, sql: str) -> Path:
        path = self.root / "schema" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql)
        return path

    def run(self, *args: str, url: str | None = None, input: str | None = None) -> Result:
        base = ["--schema-dir", str(self.root / "schema"), "--database-url", url or self.url]
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
