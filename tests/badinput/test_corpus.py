"""The bad-input corpus (cases.toml): each case through the real command line, with its exit
code and message, and the target database unchanged afterwards.

The targets are made once per module (reading them is all a case may do); the shadow
databases cases load are temporary and dropped by the tool.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from creo_schema.platform import prelude_sql
from creo_schema.shadow.cluster import Cluster
from creo_schema.shadow.tempdb import ensure_template, temporary_database
from tests.integration.cli import Project

CASES = tomllib.loads((Path(__file__).parent / "cases.toml").read_text())["case"]
GOOD = "create table public.things (id int primary key, name text);\nalter table public.things enable row level security;\n"
URLS = {
    "unreachable": "postgresql://creo:Sup3r-Secret-42@127.0.0.1:9/creo",
    "malformed": "host=x password=Sup3r-Secret-42 junk",
}
SNAPSHOT = """
select (select count(*) from pg_catalog.pg_class),
       (select count(*) from pg_catalog.pg_proc),
       (select count(*) from pg_catalog.pg_policy),
       (select string_agg(nspname, ',' order by nspname) from pg_catalog.pg_namespace),
       (select count(*) from pg_catalog.pg_type)
"""


def _target(cluster: Cluster) -> Iterator[str]:
    admin = cluster.uri()
    with temporary_database(admin, ensure_template(admin, prelude_sql("supabase"))) as url:
        yield url


@pytest.fixture(scope="module")
def target18(pg18: Cluster) -> Iterator[str]:
    yield from _target(pg18)


@pytest.fixture(scope="module")
def target15(pg15: Cluster) -> Iterator[str]:
    yield from _target(pg15)


def test_the_corpus_is_large_enough_and_named_uniquely() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) >= 60
    assert len(set(names)) == len(names)


def _generate(kind: str, schema: Path) -> None:
    if kind == "nothing":
        return
    schema.mkdir(parents=True, exist_ok=True)
    if kind == "dir_is_file":
        schema.rmdir()
        schema.write_text("create table x (id int);\n")
    elif kind == "binary":
        (schema / "blob.sql").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    elif kind == "huge":
        line = "comment on table public.things is 'padding padding padding padding';\n"
        (schema / "huge.sql").write_text(line * (10 * 1024 * 1024 // len(line) + 1))
    elif kind == "latin1":
        text = "-- orders\ncomment on table public.things is 'caf\u00e9';\n"
        (schema / "latin1.sql").write_bytes(text.encode("latin-1"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(
    case: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.chdir(tmp_path)
    which = case.get("url", "target")
    target = request.getfixturevalue("target15" if which == "pg15" else "target18")
    project = Project(tmp_path, target, lints=case["name"].startswith("lint_"))
    schema = tmp_path / "schema"
    if case.get("base"):
        project.write("a.sql", GOOD)
    for relative, sql in case.get("files", {}).items():
        project.write(relative, sql)
    if "generate" in case:
        _generate(case["generate"], schema)
    if "config" in case:
        (tmp_path / "creo-schema.toml").write_text(case["config"])
    if not case.get("files") and not case.get("base") and case.get("generate") == "empty_dir":
        schema.mkdir(exist_ok=True)
    before = project.query(SNAPSHOT)
    result = project.run(*case.get("args", ["validate"]), url=URLS.get(which))
    output = result.stdout + result.stderr
    assert result.exit_code == case["exit"], output
    assert "Traceback" not in output, output
    assert case["message"] in output, output
    assert "Sup3r-Secret-42" not in output and "hunter2" not in output
    assert project.query(SNAPSHOT) == before, "the target database changed"
