"""Where our catalog snapshot may be blind: scenarios whose two sides differ in
`pg_dump --schema-only` but not in our snapshot.

    python bench/blind_spots.py [PREFIX]

For every scenario of tests/cases/, before.sql and after.sql are loaded into two fresh
databases (embedded PostgreSQL 18, Supabase prelude) and compared twice: by our snapshot
(catalog.compare) and by pg_dump's schema-only text of the managed schemas, as a multiset of
lines (so that order, such as a column's position, does not count). A scenario that pg_dump
tells apart and our snapshot does not is printed `BLIND`: something the differ cannot see, so
could never plan. The reverse (`DUMP-SAME`) is expected for what `pg_dump --schema` leaves
out (casts, event triggers, publications, extensions, foreign servers) and for order alone
(an enum's labels). Run by hand; it plans nothing.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from psycopg.conninfo import conninfo_to_dict  # noqa: E402

from creo_schema.catalog import Scope, compare, inspect  # noqa: E402
from creo_schema.db import connect  # noqa: E402
from creo_schema.platform import prelude_sql  # noqa: E402
from creo_schema.shadow.providers import shadow_cluster  # noqa: E402
from creo_schema.shadow.tempdb import ensure_template, temporary_database  # noqa: E402

CASES = ROOT / "tests" / "cases"


def _dump_lines(pg_dump: Path, url: str, schemas: tuple[str, ...]) -> list[str]:
    params = conninfo_to_dict(url)
    args = [str(pg_dump), "--schema-only", "-h", str(params["host"]), "-d", str(params["dbname"])]
    args += ["-p", str(params.get("port", 5432)), "-U", str(params.get("user", "postgres"))]
    for schema in schemas:
        args += ["-n", schema]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    lines = (line.strip().rstrip(",") for line in text.splitlines())
    return sorted(
        line for line in lines if line and not line.startswith(("--", "\\restrict", "\\unrestrict"))
    )


def _load(url: str, sql: str) -> None:
    with connect(url, autocommit=True) as conn:
        conn.execute("set check_function_bodies = off")
        conn.execute(sql)  # type: ignore[arg-type]


def main() -> None:
    prefix = sys.argv[1] if len(sys.argv) > 1 else ""
    os.environ.setdefault("CREO_SCHEMA_HOME", tempfile.mkdtemp(prefix="creo-blind-"))
    cluster = shadow_cluster("embedded")
    cluster.ensure_running()
    pg_dump = Path(cluster.bin_dir) / "pg_dump"
    admin = cluster.uri()
    template = ensure_template(admin, prelude_sql("supabase"))
    blind = 0
    for expected in sorted(CASES.glob("*/*/expected.yaml")):
        case = expected.parent
        name = str(case.relative_to(CASES))
        if not name.startswith(prefix):
            continue
        meta = yaml.safe_load(expected.read_text()) or {}
        schemas = tuple(meta.get("schemas") or ("public",))
        with temporary_database(admin, template) as a, temporary_database(admin, template) as b:
            _load(a, (case / "before.sql").read_text())
            _load(b, (case / "after.sql").read_text())
            with connect(a) as one, connect(b) as two:
                ours = compare(
                    inspect(one, Scope(schemas)).catalog, inspect(two, Scope(schemas)).catalog
                )
            before, after = _dump_lines(pg_dump, a, schemas), _dump_lines(pg_dump, b, schemas)
        if before != after and not ours:
            blind += 1
            lines = difflib.unified_diff(before, after, lineterm="", n=0)
            shown = [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
            print("BLIND", name, shown[:6], flush=True)
        elif before == after and ours:
            print("DUMP-SAME", name, [str(d)[:80] for d in ours[:2]], flush=True)
    print(f"{blind} scenario(s) our snapshot cannot tell apart")


if __name__ == "__main__":
    main()
