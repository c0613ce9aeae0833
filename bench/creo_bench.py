"""Time `creo-schema plan` on the Creo schema itself (schema/) against a database in sync.

    python bench/creo_bench.py [--reps 5] [--out bench/results-creo.json]

The target is the dev database of a home of its own, with schema/ applied. Each figure is a
new `creo-schema plan --format json` process (Python start and imports included):

- first time: a fresh CREO_SCHEMA_HOME, so the shadow cluster is created (initdb) and the
  desired state loaded and proven from nothing;
- clusters on disk, servers stopped, caches kept: a new process after `stop`;
- servers stopped, caches cleared: the desired state is loaded again;
- warm: servers running, caches kept, nothing changed (the common CI case).

Run by hand on a quiet machine, never in CI.
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
PY = sys.executable


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CREO_SCHEMA_HOME": str(home)}
    return subprocess.run(
        [PY, "-m", "creo_schema", "--schema-dir", str(ROOT / "schema"), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def timed_plan(home: Path, target: str) -> float:
    started = time.perf_counter()
    done = cli(home, "--database-url", target, "plan", "--format", "json")
    seconds = time.perf_counter() - started
    if done.returncode != 0 or json.loads(done.stdout)["has_changes"]:
        raise RuntimeError(f"plan failed or found changes: {done.stderr[-2000:]}")
    return seconds


def stop_shadow(home: Path) -> None:
    code = (
        "from creo_schema.shadow.providers import shadow_cluster; shadow_cluster('embedded').stop()"
    )
    env = {**os.environ, "CREO_SCHEMA_HOME": str(home)}
    subprocess.run([PY, "-c", code], env=env, check=True)


def summary(samples: list[float]) -> dict[str, object]:
    return {
        "median_s": round(statistics.median(samples), 3),
        "min_s": round(min(samples), 3),
        "runs": [round(s, 3) for s in samples],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results-creo.json")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="creo-bench-"))
    target_home, home = work / "target", work / "home"
    target = cli(target_home, "dev", "url").stdout.strip()
    applied = cli(target_home, "--database-url", target, "apply", "--auto-approve", "--no-backup")
    if applied.returncode != 0:
        raise RuntimeError(f"applying schema/ failed: {applied.stderr[-2000:]}")
    results: dict[str, object] = {}
    try:
        first = []
        for _ in range(max(1, options.reps // 2)):
            if home.exists():
                stop_shadow(home)
                shutil.rmtree(home)
            first.append(timed_plan(home, target))
        results["first_time_fresh_home"] = summary(first)
        stopped = []
        for _ in range(options.reps):
            stop_shadow(home)
            stopped.append(timed_plan(home, target))
        results["servers_stopped_caches_kept"] = summary(stopped)
        uncached = []
        for _ in range(options.reps):
            stop_shadow(home)
            shutil.rmtree(home / "cache", ignore_errors=True)
            uncached.append(timed_plan(home, target))
        results["servers_stopped_no_cache"] = summary(uncached)
        timed_plan(home, target)  # servers up, caches filled
        results["warm_no_change"] = summary([timed_plan(home, target) for _ in range(options.reps)])
    finally:
        stop_shadow(home)
        stop_shadow(target_home)  # `apply` above started one there
        subprocess.run(
            [PY, "-m", "creo_schema", "dev", "stop"],
            env={**os.environ, "CREO_SCHEMA_HOME": str(target_home)},
            capture_output=True,
            check=False,
        )
    print(json.dumps(results, indent=2))
    options.out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
