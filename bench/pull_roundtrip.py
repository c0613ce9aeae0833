"""Can `pull` give each scenario's database back? The corpus as databases to adopt.

    python bench/pull_roundtrip.py [PREFIX] [--every N [--start K]] [--out FILE]

Run it from a checkout nobody edits meanwhile (`git worktree add`): each run starts
`python -m creo_schema` from the current directory.

For every scenario of tests/cases/, on the embedded PostgreSQL 18 with the Supabase
prelude, a database is loaded with each side (before.sql, after.sql) and `creo-schema pull`
writes it into an empty schema/ and proves it (a plan against the same database must be
empty). Outcomes: `proven` (exit 1: written and proven), `empty` (exit 0: nothing to pull),
`cannot declare` (exit 4 before writing: an object creo-schema does not model, named),
`not proven` (exit 4 after writing: the files were removed), `rejected`/`failed`/`traceback`
(exit 2, 3, or a crash: defects). Run by hand, never in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from converge import _load, _variable  # noqa: E402

from creo_schema.lint.registry import all_rules  # noqa: E402
from creo_schema.platform import prelude_sql  # noqa: E402
from creo_schema.shadow.providers import shadow_cluster  # noqa: E402
from creo_schema.shadow.tempdb import ensure_template, temporary_database  # noqa: E402

CASES = ROOT / "tests" / "cases"


def _pull(url: str, meta: dict[str, object], work: Path) -> tuple[str, str]:
    """The outcome of one pull, and the first line it said when it did not prove."""
    schemas = list(meta.get("schemas") or ["public"])  # type: ignore[call-overload]
    roles = list(meta.get("roles") or [])  # type: ignore[call-overload]
    subscriptions = dict(meta.get("subscriptions") or {})  # type: ignore[call-overload]
    config = work / "creo-schema.toml"
    names = ", ".join(f'"{n}"' for n in sorted(all_rules()))
    config.write_text(
        f"managed_schemas = {json.dumps(schemas)}\nlint_disable = [{names}]\n"
        f"roles = {json.dumps(roles)}\n"
        + "".join(
            f'[subscriptions."{name}"]\nconninfo_env = "{_variable(name)}"\n'
            for name in subscriptions
        )
    )
    environment = dict(os.environ)
    environment.update({_variable(n): str(v) for n, v in subscriptions.items()})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "creo_schema",
            "--config",
            str(config),
            "--schema-dir",
            str(work / "schema"),
            "--database-url",
            url,
            "pull",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    said = (done.stderr.strip() or done.stdout.strip()).splitlines()
    first = said[0] if said else ""
    if "Traceback" in done.stderr or "internal error" in done.stderr:
        return "traceback", first
    if done.returncode == 1:
        return "proven", ""
    if done.returncode == 0:
        return "empty", ""
    if done.returncode == 4:
        return ("cannot declare" if "cannot declare" in first else "not proven"), first
    return ("rejected" if done.returncode == 2 else "failed"), first


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("prefix", nargs="?", default="")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None)
    options = parser.parse_args()
    import yaml

    os.environ.setdefault("CREO_SCHEMA_HOME", tempfile.mkdtemp(prefix="creo-pull-"))
    cluster = shadow_cluster("embedded")
    cluster.ensure_running()
    admin = cluster.uri()
    template = ensure_template(admin, prelude_sql("supabase"))
    tally: Counter[str] = Counter()
    rows = []
    cases = sorted(CASES.glob("*/*/expected.yaml"))[options.start :: options.every]
    for expected in cases:
        case = expected.parent
        name = str(case.relative_to(CASES))
        if not name.startswith(options.prefix):
            continue
        meta = yaml.safe_load(expected.read_text()) or {}
        for side in ("before", "after"):
            with (
                tempfile.TemporaryDirectory() as work,
                temporary_database(admin, template) as url,
            ):
                _load(url, (case / f"{side}.sql").read_text())
                outcome, said = _pull(url, meta, Path(work))
            tally[outcome] += 1
            rows.append({"case": name, "side": side, "outcome": outcome, "said": said})
            print(name, side, outcome, said[:160], flush=True)
    print(json.dumps(dict(tally), indent=2))
    if options.out:
        options.out.write_text(json.dumps({"summary": dict(tally), "runs": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
