"""Every lint rule against its cases (tests/lint/cases/<rule>.toml), on a real shadow database.

A case is SQL plus the findings of that rule it must produce (`at = "line:col"`, `level`,
a fragment of the message); other rules' findings are ignored. Every rule has at least one
failing and one passing case.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from creo_schema.lint.registry import RULE_MODULES
from tests.lint.runner import lint_sql

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text())
        for case in data["case"]:
            params.append(pytest.param(data["rule"], case, id=f"{path.stem}:{case['name']}"))
    return params


def test_every_rule_has_failing_and_passing_cases() -> None:
    for rule in RULE_MODULES:
        path = CASES_DIR / f"{rule}.toml"
        assert path.is_file(), f"no cases for {rule}"
        cases = tomllib.loads(path.read_text())["case"]
        assert any(c["expect"] for c in cases), f"{rule}: no failing case"
        assert any(not c["expect"] for c in cases), f"{rule}: no passing case"


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], make_db: Any) -> None:
    findings = [f for f in lint_sql(make_db(), case["sql"]) if f.rule == rule]
    got = [
        (f"{f.location.line}:{f.location.column}" if f.location else "-", f.level) for f in findings
    ]
    want = [(e["at"], e["level"]) for e in case["expect"]]
    assert got == want, "\n".join(f.text() for f in findings)
    for finding, expected in zip(findings, case["expect"], strict=True):
        assert expected["message"] in finding.message, finding.message
        assert finding.hint, f"{rule} gave no hint"
        assert finding.location is not None and finding.location.file == "schema/case.sql"
