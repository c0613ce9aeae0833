"""Write latency while `creo-schema apply` changes the table being written, against a naive apply.

    python bench/apply_load_bench.py [--rows 500000] [--reps 3] [--clients 4] [--jobs 2]
        [--rate 400] [--baseline 10] [--budget 20] [--lock-timeout 5s] [--lock-retries 3]
        [--reader-hold 0] [--modes tool naive] [--out bench/results-apply-load.json]

A dedicated embedded cluster (CREO_SCHEMA_HOME in a temporary directory) holds a database
with `customers` and a hot `orders` table of --rows rows, loaded from a schema/ written by
this script. pgbench (from the embedded wheel) writes to it with per-transaction logs: each
transaction inserts an order and updates a random one, at --rate transactions/s in total (0:
as fast as it can). After --baseline seconds the change is applied: an index on orders, a
NOT NULL column with a default, a CHECK and a foreign key. `tool` applies the reviewed plan
(`creo-schema plan --out`, then `apply PLAN --no-backup`: concurrent index build, NOT VALID
then VALIDATE, under the configured lock_timeout); `naive` runs the same DDL plainly in one
transaction, as a hand-written migration would (index built in place, constraints validated
at once, no lock_timeout). --reader-hold S makes a report hold the table for S seconds just
as the apply starts, so the DDL has to queue for its lock.

For three windows — the baseline before the apply; the apply process, start to exit; its
statements, from the main transaction's start to the last phase's end (the tool's history
row; for `naive`, the same as the process) — it reports write latency p50/p99/max
(pgbench's, which counts time queued behind the schedule), the longest stall (largest gap
between consecutive completions across all clients), throughput, and the writes that took
longer than lock_timeout (`>lt`). Every run starts from a fresh copy of the filled
database. Medians over the repetitions are printed last; every run, the plan and the
settings go to --out. Run by hand, never in CI.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "creo_schema"]
SEED = "apply_load_seed"  # filled once; every run applies to a copy of it
WARMUP_S = 2.0  # the start of pgbench's run (connections, first plans) is not baseline
NAIVE_APP = "naive-apply"  # application_name of the naive DDL, for the activity sampler
TOOL_APP = "creo-schema"  # what creo_schema.db.connect names its connections

CUSTOMERS = """
create table public.customers (
  id bigint generated always as identity primary key,
  name text not null,
  created_at timestamptz not null default now()
);
"""

ORDERS_BEFORE = """
create table public.orders (
  id bigint generated always as identity primary key,
  customer_id bigint not null,
  total numeric(12, 2) not null default 0,
  note text,
  created_at timestamptz not null default now()
);
"""

# The change: one of each statement kind the online rewrites exist for.
ORDERS_AFTER = """
create table public.orders (
  id bigint generated always as identity primary key,
  customer_id bigint not null,
  total numeric(12, 2) not null default 0,
  note text,
  created_at timestamptz not null default now(),
  status text not null default 'new',
  constraint orders_total_nonnegative check (total >= 0),
  constraint orders_customer_id_fkey foreign key (customer_id) references public.customers (id)
);
create index orders_customer_id_idx on public.orders (customer_id);
"""

# What the same change looks like written by hand and run in one transaction.
NAIVE_DDL = (
    "create index orders_customer_id_idx on public.orders (customer_id)",
    "alter table public.orders add column status text not null default 'new'",
    "alter table public.orders add constraint orders_total_nonnegative check (total >= 0)",
    "alter table public.orders add constraint orders_customer_id_fkey "
    "foreign key (customer_id) references public.customers (id)",
)

FILL = """
insert into public.customers (name) select 'customer ' || n from generate_series(1, {customers}) n;
insert into public.orders (customer_id, total, note, created_at)
select 1 + n % {customers}, (n % 100000) / 100.0, 'seed order ' || n,
       now() - n * interval '1 second'
  from generate_series(1, {rows}) n;
"""

# Touches only columns that exist before and after, and keeps the new CHECK and FK true.
WORKLOAD = r"""
\set cid random(1, :customers)
\set oid random(1, :rows)
\set cents random(0, 100000)
BEGIN;
INSERT INTO public.orders (customer_id, total, note) VALUES (:cid, :cents / 100.0, 'bench');
UPDATE public.orders SET total = total + 1 WHERE id = :oid;
END;
"""

DDL = re.compile(r"\s*(create|alter|drop)\b", re.IGNORECASE)  # not the tool's catalog reads
SAMPLE_SQL = r"""
select application_name, wait_event_type,
       left(regexp_replace(query, '\s+', ' ', 'g'), 100)
  from pg_stat_activity
 where datname = %s and state = 'active' and pid <> pg_backend_pid()
"""


@dataclass(frozen=True, slots=True)
class Txn:
    start: float  # epoch seconds
    end: float
    latency: float  # seconds


@dataclass
class Setup:
    """Everything a run needs, made once."""

    work: Path
    admin: str  # the cluster's maintenance database
    pgbench: list[str]  # the pgbench command up to the database name
    config: Path
    after_dir: Path
    plan_file: Path
    plan: dict[str, Any]
    lock_timeout_s: float


# --- setting up ------------------------------------------------------------------------


def write_schema(root: Path, orders: str) -> Path:
    (root / "tables").mkdir(parents=True, exist_ok=True)
    (root / "tables" / "customers.sql").write_text(CUSTOMERS)
    (root / "tables" / "orders.sql").write_text(orders)
    return root


def write_config(work: Path, lock_timeout: str, lock_retries: int) -> Path:
    # An explicit file: the repository's pyproject (managed_schemas public + private) must
    # not leak into the bench.
    path = work / "creo-schema.toml"
    path.write_text(
        'platform = "supabase"\nmanaged_schemas = ["public"]\n'
        f'lock_timeout = "{lock_timeout}"\nlock_retries = {lock_retries}\n'
        "backup_before_apply = false\n"
    )
    return path


def recreate(admin: str, name: str, template: str) -> str:
    from creo_schema.db import connect, with_database

    with connect(admin, autocommit=True) as conn:
        conn.execute(f"drop database if exists {name} with (force)")  # type: ignore[arg-type]
        # file_copy: a copy of a few hundred MiB is a checkpoint and a cp, not WAL replay.
        conn.execute(f"create database {name} template {template} strategy file_copy")  # type: ignore[arg-type]
    return with_database(admin, name)


def make_seed(admin: str, before_dir: Path, rows: int, customers: int) -> str:
    from creo_schema.db import connect
    from creo_schema.shadow.load import load_statements
    from creo_schema.source.load import load_source

    url = recreate(admin, SEED, "creo")
    load_statements(url, load_source(before_dir))
    with connect(url, autocommit=True) as conn:
        conn.execute(FILL.format(rows=rows, customers=customers))  # type: ignore[arg-type]
        conn.execute("vacuum analyze")
    return url


def cli(
    config: Path, schema_dir: Path, url: str, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    command = [*CLI, "--config", str(config), "--schema-dir", str(schema_dir)]
    done = subprocess.run(
        [*command, "--database-url", url, *args],
        capture_output=True,
        text=True,
        cwd=config.parent,
    )
    if check and done.returncode not in (0, 1):
        raise RuntimeError(f"creo-schema {args[0]} exited {done.returncode}: {done.stderr[-2000:]}")
    return done


def make_plan(config: Path, after_dir: Path, seed_url: str, out: Path) -> dict[str, Any]:
    """One reviewed plan serves every run: each copy of the seed has the seed's schema."""
    cli(config, after_dir, seed_url, "plan", "--out", str(out), "--format", "json")
    return json.loads(out.read_text())


def pgbench_command(options: argparse.Namespace, work: Path) -> list[str]:
    from creo_schema.shadow.cluster import PORT
    from creo_schema.shadow.providers import dev_cluster

    cluster = dev_cluster()
    script = work / "workload.sql"
    script.write_text(WORKLOAD)
    command = [str(cluster.bin_dir / "pgbench"), "-n", "-f", str(script)]
    command += ["-c", str(options.clients), "-j", str(options.jobs)]
    command += ["-T", str(int(options.baseline + options.budget))]
    command += ["-D", f"rows={options.rows}", "-D", f"customers={options.customers}"]
    command += ["-h", str(cluster.socket_dir), "-p", str(PORT), "-U", "postgres"]
    if options.rate:
        command += ["-R", str(options.rate)]
    return command


def prepare(options: argparse.Namespace, work: Path) -> Setup:
    from creo_schema.dev import database as dev
    from creo_schema.shadow.providers import dev_cluster, shadow_cluster

    before_dir = write_schema(work / "before", ORDERS_BEFORE)
    after_dir = write_schema(work / "after", ORDERS_AFTER)
    config = write_config(work, options.lock_timeout, options.lock_retries)
    dev.start("supabase")  # the cluster, and `creo` (platform prelude) as the template
    admin = dev_cluster().uri()
    started = time.perf_counter()
    seed = make_seed(admin, before_dir, options.rows, options.customers)
    print(f"seed: {options.rows} orders in {time.perf_counter() - started:.1f} s", flush=True)
    plan_file = work / "plan.json"
    plan = make_plan(config, after_dir, seed, plan_file)
    shadow_cluster("embedded").stop()  # planning is done: no second server beside the load
    return Setup(
        work,
        admin,
        pgbench_command(options, work),
        config,
        after_dir,
        plan_file,
        plan,
        duration_s(options.lock_timeout),
    )


def duration_s(text: str) -> float:
    """A PostgreSQL duration as the settings accept it (no unit: milliseconds)."""
    number, unit = re.fullmatch(r"(\d+)\s*(ms|s|min|h)?", text.strip()).groups()  # type: ignore[union-attr]
    return int(number) * {"ms": 0.001, "s": 1, "min": 60, "h": 3600, None: 0.001}[unit]


# --- one run: load, apply, measure ---------------------------------------------------------


class ActivitySampler(threading.Thread):
    """Polls pg_stat_activity: which DDL statement is active when, and how many writers are
    waiting on a lock. Sampling, so statements shorter than the interval may be missed."""

    def __init__(self, url: str, dbname: str, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.url, self.dbname, self.interval = url, dbname, interval
        self.done = threading.Event()
        self.statements: dict[str, list[float]] = {}  # sql -> [first seen, last seen]
        self.writers_waiting: list[tuple[float, int]] = []

    def run(self) -> None:
        from creo_schema.db import connect

        with connect(self.url, autocommit=True, application="apply-load-sampler") as conn:
            while not self.done.is_set():
                rows = conn.execute(SAMPLE_SQL, (self.dbname,)).fetchall()
                now = time.time()
                waiting = sum(1 for app, wait, _ in rows if app == "pgbench" and wait == "Lock")
                self.writers_waiting.append((now, waiting))
                for app, _, sql in rows:
                    if app in (TOOL_APP, NAIVE_APP) and DDL.match(sql):
                        self.statements.setdefault(sql, [now, now])[1] = now
                self.done.wait(self.interval)

    def summary(self, apply_start: float) -> dict[str, Any]:
        blocked = [n for _, n in self.writers_waiting if n]
        return {
            "ddl_seen": [
                {"sql": sql, "from_s": round(a - apply_start, 2), "to_s": round(b - apply_start, 2)}
                for sql, (a, b) in sorted(self.statements.items(), key=lambda kv: kv[1][0])
            ],
            "writers_lock_waiting_s": round(len(blocked) * self.interval, 2),
            "max_writers_lock_waiting": max(blocked, default=0),
        }


def hold_table(url: str, seconds: float, holding: threading.Event) -> None:
    """A report that reads orders and keeps its transaction (and ACCESS SHARE) open."""
    from creo_schema.db import connect

    with connect(url, application="apply-load-report") as conn:
        conn.execute("select count(*) from public.orders").fetchone()
        holding.set()
        time.sleep(seconds)
        conn.rollback()


def apply_tool(setup: Setup, url: str) -> dict[str, Any]:
    """Apply the plan file; an apply that gives up (exit 3 after lock_retries) is a result."""
    done = cli(
        setup.config,
        setup.after_dir,
        url,
        "apply",
        str(setup.plan_file),
        "--auto-approve",
        "--no-backup",
        "--format",
        "json",
        check=False,
    )
    output = json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}
    return {"exit": done.returncode, "output": output, "stderr": done.stderr.strip()[-500:]}


def statements_window(url: str, fallback: tuple[float, float]) -> tuple[float, float]:
    """When the tool's statements ran, from its history row: `applied_at` is the main
    transaction's start, `duration_ms` runs to the end of the last phase."""
    from creo_schema.db import connect

    with connect(url) as conn:
        row = conn.execute(
            "select extract(epoch from applied_at)::float8, duration_ms "
            "from creo_schema.migrations where kind = 'apply' order by id desc limit 1"
        ).fetchone()
    if row is None:
        return fallback
    return row[0], min(row[0] + row[1] / 1000, fallback[1])


def apply_naive(url: str) -> dict[str, Any]:
    from creo_schema.db import connect

    with connect(url, application=NAIVE_APP) as conn:
        for sql in NAIVE_DDL:
            conn.execute(sql)  # type: ignore[arg-type]
        conn.commit()
    return {"exit": 0}


def read_pgbench_logs(prefix: Path) -> tuple[list[Txn], int]:
    """Per-transaction lines: client, number, latency µs, script, epoch s, µs[, lag µs]."""
    txns, failed = [], 0
    for path in sorted(prefix.parent.glob(prefix.name + ".*")):
        for line in path.read_text().splitlines():
            fields = line.split()
            if not fields[2].isdigit():  # "failed" / "skipped"
                failed += 1
                continue
            end = int(fields[4]) + int(fields[5]) / 1e6
            latency = int(fields[2]) / 1e6
            txns.append(Txn(end - latency, end, latency))
    return sorted(txns, key=lambda t: t.end), failed


def start_load(setup: Setup, name: str, prefix: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*setup.pgbench, "--log", f"--log-prefix={prefix}", name],
        cwd=setup.work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def hold_before_apply(url: str, seconds: float) -> None:
    if seconds:
        holding = threading.Event()
        threading.Thread(target=hold_table, args=(url, seconds, holding), daemon=True).start()
        holding.wait()  # the report has its lock: the DDL will have to queue


def run_once(setup: Setup, options: argparse.Namespace, mode: str, rep: int) -> dict[str, Any]:
    from creo_schema.db import connect

    name = f"apply_load_{mode}_{rep}"
    url = recreate(setup.admin, name, SEED)
    with connect(url, autocommit=True) as conn:
        conn.execute("checkpoint")  # the copy's dirty pages are not the load's stall
    prefix = setup.work / f"log_{mode}_{rep}"
    load = start_load(setup, name, prefix)
    load_start = time.time()
    sampler = ActivitySampler(setup.admin, name)
    sampler.start()
    time.sleep(options.baseline)
    hold_before_apply(url, options.reader_hold)
    apply_start = time.time()
    applied = apply_tool(setup, url) if mode == "tool" else apply_naive(url)
    apply_end = time.time()
    statements = (
        statements_window(url, (apply_start, apply_end))
        if mode == "tool"
        else (apply_start, apply_end)
    )
    _, err = load.communicate()
    sampler.done.set()
    sampler.join()
    if load.returncode != 0:
        print(f"pgbench exited {load.returncode}: {err.strip()[-500:]}", file=sys.stderr)
    txns, failed = read_pgbench_logs(prefix)
    load_end = txns[-1].end if txns else apply_end
    if apply_end > load_end:
        print(
            f"warning: the apply outlasted pgbench: raise --budget ({mode} {rep})", file=sys.stderr
        )
    ends, timeout = [t.end for t in txns], setup.lock_timeout_s
    result = {
        "mode": mode,
        "rep": rep,
        "apply_wall_s": round(apply_end - apply_start, 3),
        "statements_s": round(statements[1] - statements[0], 3),
        "baseline": stats(txns, ends, load_start + WARMUP_S, apply_start, timeout, False),
        "during_apply": stats(txns, ends, apply_start, apply_end, timeout, True),
        "during_statements": stats(txns, ends, *statements, timeout, True),
        "after_apply": stats(txns, ends, apply_end, load_end, timeout, False),
        "failed_transactions": failed,
        "pgbench_exit": load.returncode,
        "activity": sampler.summary(apply_start),
        "applied": applied,
        "drift_after": cli(setup.config, setup.after_dir, url, "drift").returncode,
    }
    with connect(setup.admin, autocommit=True) as conn:
        conn.execute(f"drop database {name} with (force)")  # type: ignore[arg-type]  # disk
    return result


# --- figures -------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest rank, on sorted values."""
    return values[min(len(values) - 1, max(0, round(q * len(values) + 0.5) - 1))]


def longest_stall(ends: list[float], start: float, end: float, straddle: bool) -> float:
    """Largest gap between consecutive completions (all clients) within [start, end].

    With `straddle`, the last completion before the window and the first after it count
    too: a stall that began before the apply, or outlasts it, is the apply's stall.
    """
    lo, hi = bisect.bisect_left(ends, start), bisect.bisect_right(ends, end)
    if straddle:
        lo, hi = max(lo - 1, 0), min(hi + 1, len(ends))
    inside = ends[lo:hi]
    return max((b - a for a, b in pairwise(inside)), default=end - start)


def stats(
    txns: list[Txn], ends: list[float], start: float, end: float, lock_timeout: float, overlap: bool
) -> dict[str, Any]:
    """Baseline and after: transactions completed in the window. During: every transaction
    whose lifetime overlaps the apply, so a write stuck behind it counts once, in full."""
    if overlap:
        chosen = [t for t in txns if t.start < end and t.end > start]
    else:
        chosen = [t for t in txns if start <= t.end < end]
    latencies = sorted(t.latency for t in chosen)
    completed = bisect.bisect_right(ends, end) - bisect.bisect_left(ends, start)
    if not latencies:
        return {"transactions": 0, "window_s": round(end - start, 3)}
    return {
        "window_s": round(end - start, 3),
        "transactions": len(latencies),
        "tps": round(completed / max(end - start, 1e-9), 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(latencies[-1] * 1000, 2),
        "longest_stall_ms": round(longest_stall(ends, start, end, overlap) * 1000, 2),
        "over_lock_timeout": sum(1 for v in latencies if v > lock_timeout),
    }


WINDOWS = ("baseline", "during_apply", "during_statements")
FIGURES = ("p50_ms", "p99_ms", "max_ms", "longest_stall_ms", "tps", "over_lock_timeout")


def medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per mode and window, the median of each figure over the repetitions (and the worst
    max, since one bad stall is what a user remembers)."""
    summary: dict[str, Any] = {}
    for mode in dict.fromkeys(r["mode"] for r in runs):
        mine = [r for r in runs if r["mode"] == mode]
        summary[mode] = {
            "apply_wall_s": statistics.median(r["apply_wall_s"] for r in mine),
            "statements_s": statistics.median(r["statements_s"] for r in mine),
        }
        for window in WINDOWS:
            figures = {k: statistics.median(r[window].get(k, 0) for r in mine) for k in FIGURES}
            figures["worst_max_ms"] = max(r[window].get("max_ms", 0) for r in mine)
            summary[mode][window] = figures
    return summary


def print_header() -> None:
    names = "".join(f"{n:>9}" for n in ("p50 ms", "p99 ms", "max ms", "stall ms", "tx/s", ">lt"))
    print(f"{'mode':<6}{'rep':>4}  {'window':<18}{names}")


def print_row(mode: str, rep: object, window: str, figures: dict[str, Any]) -> None:
    cells = "".join(f"{figures.get(k, '-'):>9}" for k in FIGURES)
    print(f"{mode:<6}{rep!s:>4}  {window:<18}{cells}")


def print_run(run: dict[str, Any]) -> None:
    for window in WINDOWS:
        print_row(run["mode"], run["rep"], window, run[window])
    status = "" if run["applied"]["exit"] == 0 else f", apply exited {run['applied']['exit']}"
    print(
        f"{'':<10}  apply {run['apply_wall_s']} s, statements {run['statements_s']} s, "
        f"drift after: {run['drift_after']}{status}",
        flush=True,
    )


def print_medians(summary: dict[str, Any]) -> None:
    print_header()
    for mode, figures in summary.items():
        for window in WINDOWS:
            print_row(mode, "med", window, figures[window])
        print(
            f"{'':<10}  apply {figures['apply_wall_s']} s, statements {figures['statements_s']} s"
            f", worst max during apply {figures['during_apply']['worst_max_ms']} ms"
        )


def print_plan(plan: dict[str, Any]) -> None:
    print("plan (phase, hazards, statement):")
    for statement in plan["statements"]:
        first = " ".join(statement["sql"].split())[:110]
        print(f"  {statement['phase']:<10} {','.join(statement['hazards']) or '-':<40} {first}")


# --- main ------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    from creo_schema.config import Settings

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    defaults = Settings.model_fields
    parser.add_argument("--rows", type=int, default=500_000, help="orders before the load")
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--clients", type=int, default=4, help="pgbench -c")
    parser.add_argument("--jobs", type=int, default=2, help="pgbench -j (threads)")
    parser.add_argument("--rate", type=int, default=400, help="pgbench -R, tx/s; 0 unthrottled")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds before the apply")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds of load from apply")
    parser.add_argument("--lock-timeout", default=defaults["lock_timeout"].default)
    parser.add_argument("--lock-retries", type=int, default=defaults["lock_retries"].default)
    parser.add_argument("--reader-hold", type=float, default=0.0, help="report's hold, seconds")
    parser.add_argument("--modes", nargs="+", choices=("tool", "naive"), default=["tool", "naive"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results-apply-load.json")
    return parser.parse_args()


def main() -> None:
    options = parse_args()
    work = Path(tempfile.mkdtemp(prefix="creo-apply-load-"))
    os.environ.setdefault("CREO_SCHEMA_HOME", str(work / "home"))
    from creo_schema.shadow.providers import dev_cluster, shadow_cluster

    runs: list[dict[str, Any]] = []
    try:
        setup = prepare(options, work)
        print(f"lock_timeout {options.lock_timeout}, lock_retries {options.lock_retries}")
        print_plan(setup.plan)
        print_header()
        for rep in range(1, options.reps + 1):
            for mode in options.modes:
                runs.append(run_once(setup, options, mode, rep))
                print_run(runs[-1])
    finally:
        shadow_cluster("embedded").stop()
        dev_cluster().stop()
        shutil.rmtree(work, ignore_errors=True)  # clusters, copies and pgbench logs: ~1 GiB
    document = {
        "cpus": os.cpu_count(),
        "lock_timeout": options.lock_timeout,
        "lock_retries": options.lock_retries,
        "rows": options.rows,
        "customers": options.customers,
        "clients": options.clients,
        "jobs": options.jobs,
        "rate_tps": options.rate,
        "baseline_s": options.baseline,
        "load_duration_s": options.baseline + options.budget,
        "reader_hold_s": options.reader_hold,
        "plan_statements": [
            {"phase": s["phase"], "hazards": s["hazards"], "sql": s["sql"]}
            for s in setup.plan["statements"]
        ],
        "median": medians(runs),
        "runs": runs,
    }
    options.out.write_text(json.dumps(document, indent=2) + "\n")
    print_medians(document["median"])


if __name__ == "__main__":
    main()
