"""The outcome of `creo-schema test` as text, a JSON-ready dict, GitHub workflow
annotations (on the failing test's line) and JUnit XML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

from creo_schema.accesstest.run import CaseResult
from creo_schema.words import plural


def summary(results: Sequence[CaseResult], files: int) -> str:
    failed = sum(1 for r in results if not r.passed)
    return (
        f"{len(results) - failed} passed, {failed} failed "
        f"({plural(len(results), 'test')} in {plural(files, 'file')})."
    )


def text(results: Sequence[CaseResult], files: int, *, verbose: bool = False) -> str:
    lines = []
    for result in results:
        where = f"{result.case.location}"
        if not result.passed:
            lines.append(f"{where}: FAIL {result.case.title}: {result.message}")
        elif verbose:
            lines.append(f"{where}: ok {result.case.title}")
    lines.append(summary(results, files))
    return "\n".join(lines) + "\n"


def as_dict(results: Sequence[CaseResult]) -> list[dict[str, Any]]:
    return [
        {
            "file": r.case.location.file,
            "line": r.case.location.line,
            "name": r.case.name,
            "identity": r.case.identity,
            "passed": r.passed,
            "message": r.message,
            "duration_ms": round(r.duration_ms, 2),
        }
        for r in results
    ]


def github(results: Sequence[CaseResult], files: int) -> str:
    lines = [
        f"::error file={r.case.location.file},line={r.case.location.line},"
        f"col={r.case.location.column},title={_escape(r.case.title, True)}::{_escape(r.message)}"
        for r in results
        if not r.passed
    ]
    lines.append(summary(results, files))
    return "\n".join(lines) + "\n"


def _escape(value: str, property_: bool = False) -> str:
    """GitHub's workflow-command escaping (properties also escape `:` and `,`)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def junit(results: Sequence[CaseResult]) -> str:
    """One testsuite per file, one testcase per test and identity."""
    root = ET.Element("testsuites", name="creo-schema test")
    by_file: dict[str, list[CaseResult]] = {}
    for result in results:
        by_file.setdefault(result.file, []).append(result)
    for path, items in by_file.items():
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(items)),
            failures=str(sum(1 for r in items if not r.passed)),
            time=f"{sum(r.duration_ms for r in items) / 1000:.3f}",
        )
        for result in items:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=result.case.title,
                file=result.case.location.file,
                line=str(result.case.location.line),
                time=f"{result.duration_ms / 1000:.3f}",
            )
            if not result.passed:
                ET.SubElement(
                    case, "failure", message=result.message
                ).text = f"{result.case.location}: {result.message}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
