"""Generated TypeScript compiled with tsc against a typed supabase-js client.

typescript and @supabase/supabase-js come from the npm registry, installed once into a
cache directory ($CREO_TYPEGEN_NPM_DIR, default ~/.cache/creo-schema/typegen-npm) that
holds the compile folders too, so that module resolution finds them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from creo_schema.cli import cli

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
NPM_DIR = Path(
    os.environ.get("CREO_TYPEGEN_NPM_DIR", Path.home() / ".cache/creo-schema/typegen-npm")
)
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "skipLibCheck": True,
        "lib": ["ES2022", "DOM"],
    }
}


@pytest.fixture(scope="session")
def tsc() -> Path:
    binary = NPM_DIR / "node_modules" / ".bin" / "tsc"
    if not binary.exists():
        if shutil.which("npm") is None:
            pytest.fail("npm is missing: install node 20 and npm to run the TypeScript test")
        NPM_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(NPM_DIR),
                "--no-audit",
                "--no-fund",
                "typescript",
                "@supabase/supabase-js",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            pytest.fail(f"npm install failed: {done.stderr[-2000:]}")
    return binary


@pytest.fixture(scope="module")
def project(tsc: Path, pg18, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    folder = NPM_DIR / f"check-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    result = CliRunner().invoke(
        cli,
        [
            "--schema-dir",
            str(ROOT / "schema"),
            "--shadow",
            "embedded",
            "gen",
            "types",
            "--lang",
            "typescript",
            "--out",
            str(folder / "database.ts"),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    for name in ("usage.ts", "misuse.ts"):
        shutil.copy(HERE / name, folder / name)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _compile(tsc: Path, folder: Path, entry: str) -> subprocess.CompletedProcess[str]:
    config = {**TSCONFIG, "files": [entry]}
    (folder / "tsconfig.json").write_text(json.dumps(config))
    return subprocess.run(
        [str(tsc), "-p", str(folder / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=folder,
    )


def test_the_guide_examples_type_check(tsc: Path, project: Path) -> None:
    done = _compile(tsc, project, "usage.ts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_misuse_is_a_type_error(tsc: Path, project: Path) -> None:
    done = _compile(tsc, project, "misuse.ts")
    assert done.returncode != 0
    lines = (project / "misuse.ts").read_text().splitlines()
    marked = {n for n, line in enumerate(lines, start=1) if "// MISUSE" in line}
    reported = {
        int(line.split("(")[1].split(",")[0])
        for line in done.stdout.splitlines()
        if line.startswith("misuse.ts(")
    }
    assert marked <= reported, done.stdout
