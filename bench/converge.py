"""Does each tool reach the desired schema? creo-schema against pg-delta, on our scenarios.

    npm install --prefix /tmp/pgdelta @supabase/pg-delta@1.0.0-alpha.34   # once, by hand
    python bench/converge.py [--pgdelta /tmp/pgdelta/node_modules/.bin/pgdelta] [PREFIX]
        [--every N [--start K]] [--since REV] [--out bench/results-converge.json]

Run it from a checkout nobody edits meanwhile (`git worktree add`): each run starts
`python -m creo_schema` from the current directory.

For every scenario of tests/cases/ (both directions: before -> after, after -> before), on
the embedded PostgreSQL 18 with the Supabase prelude: a target database is loaded with one
side, and each tool is asked to move it to the other (creo-schema: `apply --auto-approve`
with every hazard allowed; pg-delta: `plan` against a database loaded with the desired side,
then `apply --allow-data-loss`). The outcome of each run is judged twice, by our catalog
snapshot and by migra's engine, each comparing the target with a fresh load of the desired
side: `converged` only when both see nothing left. A refusal (creo-schema exit 4, pg-delta
exit non-zero before applying) is counted apart from a wrong result.

Run by hand, never in CI; pg-delta is not a dependency and nothing of it is committed.
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

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from creo_schema.catalog import Scope, compare, inspect  # noqa: E402
from creo_schema.db import connect  # noqa: E402
from creo_schema.diff.engine import EngineUnavailable, engine_statements, engine_view  # noqa: E402
from creo_schema.lint.registry import all_rules  # noqa: E402
from creo_schema.plan.hazards import Hazard  # noqa: E402
from creo_schema.platform import prelude_sql  # noqa: E402
from creo_schema.shadow.providers import shadow_cluster  # noqa: E402
from creo_schema.shadow.tempdb import ensure_template, temporary_database  # noqa: E402

CASES = ROOT / "tests" / "cases"
# Every hazard kind allowed, as the corpus test allows them (a new kind is allowed too).
_EVERY_HAZARD = [arg for h in Hazard for arg in ("--allow-hazard", h.value)]


def _load(url: str, sql: str) -> None:
    """`sql` run as it is; a side written out of order (a scenario of load order: a default
    calling a function declared further down) is run in creo-schema's load order instead,
    the same statements, so that both tools and the judges see the state it declares."""
    if not sql.strip():
        return
    try:
        with connect(url, autocommit=True) as conn:
            conn.execute("set check_function_bodies = off")
            conn.execute(sql)  # type: ignore[arg-type]
    except psycopg.Error:
        from creo_schema.shadow.load import load_into
        from creo_schema.source.load import source_set
        from creo_schema.source.model import SourceFile

        with tempfile.TemporaryDirectory() as folder, connect(url) as conn:
            files = (SourceFile(path="schema.sql", text=sql),)
            load_into(conn, source_set(Path(folder), files))


def _judge(target: str, desired: str, schemas: tuple[str, ...]) -> str:
    with connect(target) as a, connect(desired) as b:
        ours = compare(inspect(a, Scope(schemas)).catalog, inspect(b, Scope(schemas)).catalog)
        try:
            engine = engine_statements(engine_view(a, schemas, ()), engine_view(b, schemas, ()))
        except EngineUnavailable:
            engine = ["(migra's engine could not read it)"]
    if not ours and not engine:
        return "converged"
    return "differs"


def _creo(
    target: str,
    after: str,
    schemas: tuple[str, ...],
    work: Path,
    roles: tuple[str, ...] = (),
    subscriptions: dict[str, str] | None = None,
) -> str:
    schema = work / "schema"
    schema.mkdir(parents=True, exist_ok=True)
    (schema / "schema.sql").write_text(after)
    config = work / "creo-schema.toml"
    names = ", ".join(f'"{n}"' for n in sorted(all_rules()))
    config.write_text(
        f"managed_schemas = {json.dumps(list(schemas))}\nlint_disable = [{names}]\n"
        # the roles schema/ uses and cannot declare (expected.yaml `roles`, as the corpus test)
        f"roles = {json.dumps(list(roles))}\n"
        # each subscription's connection string from a variable (expected.yaml
        # `subscriptions`, as the corpus test sets it)
        + "".join(
            f'[subscriptions."{name}"]\nconninfo_env = "{_variable(name)}"\n'
            for name in subscriptions or {}
        )
    )
    environment = dict(os.environ)
    environment.update({_variable(n): v for n, v in (subscriptions or {}).items()})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "creo_schema",
            "--config",
            str(config),
            "--schema-dir",
            str(schema),
            "--database-url",
            target,
            "apply",
            "--auto-approve",
            "--no-backup",
            "--allow-destructive",
            *_EVERY_HAZARD,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    if "Traceback" in done.stderr:
        return "traceback"
    if done.returncode == 4:
        return "refused"
    if done.returncode == 2:
        return "rejected"
    if done.returncode not in (0, 1):
        return "failed"
    return ""


def _variable(subscription: str) -> str:
    return "CREO_CASE_CONNINFO_" + "".join(c if c.isalnum() else "_" for c in subscription).upper()


def _added_since(revision: str) -> set[str]:
    """The scenarios (category/name) whose expected.yaml git added after `revision`."""
    listed = subprocess.run(
        ["git", "diff", "--diff-filter=A", "--name-only", revision, "--", "tests/cases"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    return {
        str(Path(path).parent.relative_to("tests/cases"))
        for path in listed
        if path.endswith("/expected.yaml")
    }


def _pgdelta(binary: str, target: str, desired: str, work: Path) -> str:
    plan = work / "pgdelta-plan.json"
    planned = subprocess.run(
        [
            binary,
            "plan",
            "--source",
            target,
            "--desired",
            desired,
            "--profile",
            "supabase",
            "--out",
            str(plan),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if planned.returncode != 0 or not plan.exists():
        return "refused"
    applied = subprocess.run(
        [binary, "apply", "--plan", str(plan), "--target", target, "--allow-data-loss"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return "" if applied.returncode == 0 else "failed"


def _url_for_node(url: str) -> str:
    """node-postgres wants the socket directory as `host` in a URL."""
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(url)
    return f"postgresql://{params.get('user', 'postgres')}@localhost/{params['dbname']}?host={params['host']}&port={params.get('port', 5432)}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("prefix", nargs="?", default="")
    parser.add_argument("--pgdelta", default="")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--every", type=int, default=1, help="a sample: every Nth scenario (in path order)"
    )
    parser.add_argument(
        "--start", type=int, default=0, help="the first scenario of the sample (with --every)"
    )
    parser.add_argument(
        "--since", default="", help="only the scenarios added after this git revision"
    )
    options = parser.parse_args()
    import yaml

    os.environ.setdefault("CREO_SCHEMA_HOME", tempfile.mkdtemp(prefix="creo-converge-"))
    cluster = shadow_cluster("embedded")
    cluster.ensure_running()
    admin = cluster.uri()
    template = ensure_template(admin, prelude_sql("supabase"))
    tally: dict[str, Counter[str]] = {"creo-schema": Counter(), "pg-delta": Counter()}
    rows = []
    cases = sorted(CASES.glob("*/*/expected.yaml"))
    if options.since:
        added = _added_since(options.since)
        cases = [c for c in cases if str(c.parent.relative_to(CASES)) in added]
    for expected in cases[options.start :: options.every]:
        case = expected.parent
        name = str(case.relative_to(CASES))
        if not name.startswith(options.prefix):
            continue
        meta = yaml.safe_load(expected.read_text()) or {}
        schemas = tuple(meta.get("schemas") or ("public",))
        roles = tuple(meta.get("roles") or ())
        before, after = (case / "before.sql").read_text(), (case / "after.sql").read_text()
        for direction, (start, goal) in (("up", (before, after)), ("down", (after, before))):
            outcome = {}
            tools = [("creo-schema", None)] + (
                [("pg-delta", options.pgdelta)] if options.pgdelta else []
            )
            for tool, binary in tools:
                with (
                    tempfile.TemporaryDirectory() as work,
                    temporary_database(admin, template) as target,
                    temporary_database(admin, template) as desired,
                ):
                    _load(target, start)
                    _load(desired, goal)
                    if tool == "creo-schema":
                        said = _creo(
                            target, goal, schemas, Path(work), roles, meta.get("subscriptions")
                        )
                    else:
                        said = _pgdelta(
                            str(binary), _url_for_node(target), _url_for_node(desired), Path(work)
                        )
                    result = said or _judge(target, desired, schemas)
                tally[tool][result] += 1
                outcome[tool] = result
            rows.append({"case": name, "direction": direction, **outcome})
            print(name, direction, outcome, flush=True)
    summary = {tool: dict(counts) for tool, counts in tally.items() if counts}
    print(json.dumps(summary, indent=2))
    if options.out:
        options.out.write_text(json.dumps({"summary": summary, "runs": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
