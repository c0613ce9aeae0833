"""Time `plan`, `drift` and their parts against the floors they are built on.

    python bench/plan_bench.py 10 100 300 1000 [--reps 3] [--out bench/results.json]
    python bench/plan_bench.py 100 1000 3000 --quick [--pgdelta PATH] --out bench/results-differ.json

For each N: a generated schema (bench/schema_gen.py) is loaded into a target database on a
dedicated embedded cluster, then, side by side, several repetitions each (median and min):
`creo-schema plan` with no change and with ~5% changed, cold (shadow stopped, desired-state
cache cleared) and warm; `drift`; the engine's raw diff (results: inspect both + diff);
`pg_dump --schema-only`; the catalog floor (the few queries that read every column,
constraint, index, policy, function and view definition); our catalog snapshot; pglast
parsing. Peak memory is each child process's maximum RSS. Run by hand, never in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import schema_gen  # noqa: E402

PY = sys.executable
CLI = [PY, "-m", "creo_schema"]

FLOOR_SQL = """
select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid)
  from pg_attribute a join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
 where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped;
select conname, pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace;
select indexrelid::regclass, pg_get_indexdef(indexrelid) from pg_index i join pg_class c on c.oid = i.indrelid
 where c.relnamespace = 'public'::regnamespace;
select polname, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid) from pg_policy;
select p.oid, pg_get_functiondef(p.oid) from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind = 'f';
select c.oid, pg_get_viewdef(c.oid) from pg_class c where c.relkind in ('v', 'm') and c.relnamespace = 'public'::regnamespace;
select tgname, pg_get_triggerdef(oid) from pg_trigger where not tgisinternal;
"""

CHILD = {
    # results' own raw diff: inspect both databases, diff (what it did for us until issue 13)
    "engine_diff": """
import sys, time, psycopg
from creo_schema.diff.engine import engine_view, engine_statements
t = time.perf_counter()
with psycopg.connect(sys.argv[1]) as a, psycopg.connect(sys.argv[2]) as b:
    engine_statements(engine_view(a, ("public",), ("pg_trgm",)), engine_view(b, ("public",), ("pg_trgm",)))
print(time.perf_counter() - t)
""",
    # results' diff step alone (both inspections made beforehand, not timed)
    "engine_diff_step": """
import sys, time, psycopg
from creo_schema.diff.engine import engine_view, engine_statements
with psycopg.connect(sys.argv[1]) as a, psycopg.connect(sys.argv[2]) as b:
    one, two = engine_view(a, ("public",), ("pg_trgm",)), engine_view(b, ("public",), ("pg_trgm",))
t = time.perf_counter()
engine_statements(one, two)
print(time.perf_counter() - t)
""",
    # our differ's step alone: both snapshots read beforehand (not timed), then the
    # changes both ways, ordered (what plan's "diff" step does)
    "our_diff_step": """
import sys, time, psycopg
from creo_schema.catalog import Scope, inspect
from creo_schema.diff.differ import diff
with psycopg.connect(sys.argv[1]) as a, psycopg.connect(sys.argv[2]) as b:
    one, two = inspect(a, Scope(("public",), ("pg_trgm",))), inspect(b, Scope(("public",), ("pg_trgm",)))
t = time.perf_counter()
diff(one.catalog, two.catalog)
diff(two.catalog, one.catalog)
print(time.perf_counter() - t)
""",
    # ours end to end, as results' raw diff above: inspect both, diff one way
    "our_raw_diff": """
import sys, time, psycopg
from creo_schema.catalog import Scope, inspect
from creo_schema.diff.differ import diff
t = time.perf_counter()
with psycopg.connect(sys.argv[1]) as a, psycopg.connect(sys.argv[2]) as b:
    diff(inspect(a, Scope(("public",), ("pg_trgm",))).catalog, inspect(b, Scope(("public",), ("pg_trgm",))).catalog)
print(time.perf_counter() - t)
""",
    "catalog_floor": """
import sys, time, psycopg
t = time.perf_counter()
with psycopg.connect(sys.argv[1]) as c:
    for q in sys.argv[2].split(";"):
        if q.strip():
            c.execute(q).fetchall()
print(time.perf_counter() - t)
""",
    "catalog_snapshot": """
import sys, time, psycopg
from creo_schema.catalog import snapshot
t = time.perf_counter()
with psycopg.connect(sys.argv[1]) as c:
    snapshot(c, ("public",))
print(time.perf_counter() - t)
""",
    "parse": """
import sys, time
from pathlib import Path
from creo_schema.source.load import load_source
t = time.perf_counter()
load_source(Path(sys.argv[1]))
print(time.perf_counter() - t)
""",
}


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MiB, stdout) of one child process."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True, env=env
    )
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{args[:6]} failed ({done.returncode}): {done.stderr[-2000:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024, done.stdout


def child(name: str, *argv: str, env: dict[str, str]) -> tuple[float, float]:
    _, peak, out = timed([PY, "-c", CHILD[name], *argv], env)
    return float(out.strip().splitlines()[-1]), peak


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    times = [s[0] for s in samples]
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "peak_mib": round(max(s[1] for s in samples), 1),
    }


def run(n: int, reps: int, work: Path, quick: bool, pgdelta: str) -> dict[str, object]:
    from creo_schema.db import connect, with_database
    from creo_schema.shadow.load import load_statements
    from creo_schema.shadow.providers import dev_cluster, shadow_cluster
    from creo_schema.source.load import load_source

    env = {**os.environ}
    root = work / f"s{n}"
    shutil.rmtree(root, ignore_errors=True)
    schema_gen.write(n, root, changed=False)
    schema_gen.write(n, root, changed=True)
    before, changed = root / "before", root / "changed"

    from creo_schema.dev import database as dev

    base = dev.start("supabase")
    admin = dev_cluster().uri()
    target_name, desired_name = f"bench_target_{n}", f"bench_desired_{n}"
    with connect(admin, autocommit=True) as conn:
        for name in (target_name, desired_name):
            conn.execute(f"drop database if exists {name} with (force)")  # type: ignore[arg-type]
            conn.execute(f"create database {name} template creo")  # type: ignore[arg-type]
    target, desired = with_database(admin, target_name), with_database(admin, desired_name)
    started = time.perf_counter()
    load_statements(target, load_source(before))
    load_seconds = time.perf_counter() - started
    load_statements(desired, load_source(changed))
    del base

    def cli(*args: str, schema: Path) -> list[str]:
        return [*CLI, "--schema-dir", str(schema), "--database-url", target, *args]

    def cold() -> None:
        shadow_cluster("embedded").stop()
        shutil.rmtree(Path(env["CREO_SCHEMA_HOME"]) / "cache", ignore_errors=True)

    results: dict[str, object] = {"tables": n, "load_desired_ddl_s": round(load_seconds, 2)}
    breakdown: dict[str, float] = {}
    for label, schema, args, is_cold in (
        ("plan_nochange_cold", before, ("plan", "--format", "json"), True),
        ("plan_nochange_warm", before, ("plan", "--format", "json"), False),
        (
            "plan_changed_cold",
            changed,
            (
                "plan",
                "--format",
                "json",
                "--allow-destructive",
                "--allow-hazard",
                "weakens_security",
            ),
            True,
        ),
        (
            "plan_changed_warm",
            changed,
            (
                "plan",
                "--format",
                "json",
                "--allow-destructive",
                "--allow-hazard",
                "weakens_security",
            ),
            False,
        ),
        ("drift_nochange_warm", before, ("drift", "--format", "json"), False),
        ("drift_changed_warm", changed, ("drift", "--format", "json"), False),
    ):
        if quick and label not in ("plan_changed_warm", "plan_changed_cold"):
            continue
        samples = []
        if not is_cold:
            timed(cli(*args, schema=schema), env)  # prime the cache and the server
        for _ in range(reps):
            if is_cold:
                cold()
            wall, peak, out = timed(cli(*args, schema=schema), env)
            samples.append((wall, peak))
            if label == "plan_changed_cold":
                for step, seconds in json.loads(out).get("timings_s", {}).items():
                    breakdown[step] = breakdown.get(step, 0.0) + seconds / reps
        results[label] = summary(samples)
    if breakdown:
        results["plan_changed_cold_steps_s"] = {k: round(v, 3) for k, v in breakdown.items()}
    if pgdelta:
        # Supabase's pg-delta on the same two databases: its plan, as ours above is (warm:
        # the desired state remembered, the proof included); node-postgres wants the socket
        # directory as host.
        source, wanted = _node_url(target), _node_url(desired)
        plan_out = work / "pgdelta-plan.json"
        command = [pgdelta, "plan", "--source", source, "--desired", wanted]
        command += ["--profile", "supabase", "--out", str(plan_out)]
        results["pgdelta_plan"] = summary([timed(command, env)[:2] for _ in range(reps)])
    for label, name in (
        ("engine_raw_diff", "engine_diff"),
        ("engine_diff_step", "engine_diff_step"),
        ("our_raw_diff", "our_raw_diff"),
        ("our_diff_step_both_ways", "our_diff_step"),
    ):
        results[label] = summary([child(name, target, desired, env=env) for _ in range(reps)])
    if quick:
        return results
    results["catalog_floor"] = summary(
        [child("catalog_floor", target, FLOOR_SQL, env=env) for _ in range(reps)]
    )
    results["catalog_snapshot"] = summary(
        [child("catalog_snapshot", target, env=env) for _ in range(reps)]
    )
    results["pglast_parse"] = summary([child("parse", str(before), env=env) for _ in range(reps)])
    pg_dump = str(dev_cluster().bin_dir / "pg_dump")
    results["pg_dump_schema_only"] = summary(
        [timed([pg_dump, "--schema-only", f"--dbname={target}"], env)[:2] for _ in range(reps)]
    )
    return results


def _node_url(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    user, host, port = params.get("user", "postgres"), params["host"], params.get("port", 5432)
    return f"postgresql://{user}@localhost/{params['dbname']}?host={host}&port={port}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="only the changed plans (warm, cold) and the diff steps (ours, results')",
    )
    parser.add_argument("--pgdelta", default="", help="pg-delta's binary: time its plan too")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="creo-bench-"))
    os.environ.setdefault("CREO_SCHEMA_HOME", str(work / "home"))
    collected = []
    try:
        for n in options.sizes:
            print(f"== {n} tables", flush=True)
            result = run(n, options.reps, work, options.quick, options.pgdelta)
            print(json.dumps(result, indent=2), flush=True)
            collected.append(result)
    finally:
        from creo_schema.shadow.providers import dev_cluster, shadow_cluster

        shadow_cluster("embedded").stop()
        dev_cluster().stop()
    options.out.write_text(json.dumps(collected, indent=2) + "\n")


if __name__ == "__main__":
    main()
