"""Drift for CI: each drifted object, what differs, and the file and line that declare it.

`drift --format markdown` is a summary fit for a pull-request comment; `--format github`
writes GitHub Actions workflow annotations (`::error file=...,line=...::message`), so the
drift shows on the declaring line of the diff. Objects the database has and schema/ does not
declare (the plan drops them) have no declaring line: their annotation names no file.

Annotations never carry the target's URL: they are shown to everyone who can read the pull
request, and GitHub masks only the secret itself, not our password-redacted form of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pglast import ast

from creo_schema.drift.changes import changes
from creo_schema.drift.model import DEFINING, Change
from creo_schema.drift.subjects import literal, subject_of
from creo_schema.errors import Location
from creo_schema.lint.context import Locator, relation_key
from creo_schema.plan.model import Plan
from creo_schema.render import access_markdown
from creo_schema.source.asts import Parsed, parsed_statements
from creo_schema.source.model import SourceSet


@dataclass(frozen=True, slots=True)
class DriftItem:
    """One drifted object and where schema/ declares it (None: it does not)."""

    change: Change
    location: Location | None
    kind: str  # as schema/ declares it: a grant says `on table` for a view too

    @property
    def object(self) -> str:
        return self.change.subject.name

    def to_dict(self) -> dict[str, Any]:
        where = self.location
        change = self.change
        return {
            "kind": self.kind,
            "object": self.object,
            "action": change.action,
            "change": change.summary,
            "differences": [str(d) for d in change.differences],
            "diff": list(change.diff),
            "location": {"file": where.file, "line": where.line, "column": where.column}
            if where
            else None,
            "statements": [s.sql for s in change.statements],
        }


def drift_items(plan: Plan, source: SourceSet) -> list[DriftItem]:
    parsed = parsed_statements(source)
    locator, declared = Locator(parsed), _declarations(parsed)
    items = []
    for change in changes(plan.statements, plan.rollback):
        subject = change.subject
        known = declared.get(subject.group)
        kind = known[1] if known and subject.group[0] == "relation" else subject.kind
        items.append(DriftItem(change, _location(change, locator, declared), kind))
    return items


Declared = dict[tuple[str, ...], tuple[Location, str]]


def _declarations(parsed: list[Parsed]) -> Declared:
    """Where each object is declared and as what, by the grouping the plan's statements get:
    its CREATE if schema/ has one, else the first statement about it (a GRANT, a default
    privilege). Files are in path order, so grants/ would otherwise come before tables/."""
    found: Declared = {}
    for defining in (True, False):
        for item in parsed:
            if isinstance(item.node, DEFINING) != defining:
                continue
            subject = subject_of(item.node, item.statement.sql, {})
            if subject is not None:
                found.setdefault(subject.group, (item.statement.location, subject.kind))
    return found


def _location(change: Change, locator: Locator, declared: Declared) -> Location | None:
    if change.action == "drop":
        return None
    subject = change.subject
    if subject.kind == "row":
        return _row(locator, subject.relation, dict(subject.row_key))
    if subject.routine:
        # Overloads share a name: the declaration with as many inputs is the one.
        return locator.location(f"{subject.routine}()", subject.input_args)
    if change.column is not None:
        column = _column(locator, subject.relation, change.column)
        if column is not None:
            return column
    known = declared.get(subject.group)
    if known is not None:
        return known[0]
    # A policy or trigger schema/ does not declare under that name: at least its table.
    return locator.location(subject.relation) if subject.relation else None


def _column(locator: Locator, table: str, column: str) -> Location | None:
    for item in locator.about_relation(table):
        if isinstance(item.node, ast.CreateStmt):
            for element in item.node.tableElts or ():
                if isinstance(element, ast.ColumnDef) and element.colname == column:
                    return item.locate(element)
    return None


def _row(locator: Locator, table: str, key: dict[str, str]) -> Location | None:
    """The declared VALUES row with this primary key, else the table's first INSERT."""
    first = None
    for item in locator.parsed:
        node = item.node
        if not isinstance(node, ast.InsertStmt) or relation_key(node.relation) != table:
            continue
        first = first or item.statement.location
        columns = [target.name for target in node.cols or ()]
        for row in getattr(node.selectStmt, "valuesLists", None) or ():
            values = {c: _unquoted(literal(v)) for c, v in zip(columns, row, strict=False)}
            if key and all(values.get(c) == _unquoted(v) for c, v in key.items()):
                return _literal_location(item, literal(row[columns.index(next(iter(key)))]))
    return first


def _literal_location(item: Parsed, text: str) -> Location:
    """Where the literal first appears in the VALUES (pglast gives constants no location)."""
    statement = item.statement
    values = re.search(r"\bvalues\b", statement.sql, re.IGNORECASE)
    start = values.end() if values else 0
    found = re.search(
        re.escape(text) + (r"(?!\w)" if text[-1:].isalnum() else ""), statement.sql[start:]
    )
    if found is None:
        return statement.location
    line, column = item.index.line_col(statement.offset + start + found.start())
    return Location(statement.location.file, line, column)


def _unquoted(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "'" else value


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


# -- markdown: a pull-request comment ----------------------------------------------------------


def render_markdown(plan: Plan, source: SourceSet) -> str:
    if not plan.has_changes:
        return (
            "### creo-schema drift: in sync\n\n"
            f"`{plan.target}` (PostgreSQL {plan.server_major}) matches `schema/`.\n"
        )
    items = drift_items(plan, source)
    lines = [
        "### creo-schema drift: the database differs from schema/",
        "",
        f"`{plan.target}` (PostgreSQL {plan.server_major}, schemas: "
        f"{', '.join(plan.managed_schemas)}): {_counted(len(items), 'object')} "
        f"differ{'s' if len(items) == 1 else ''} from `schema/` "
        f"({_counted(len(plan.statements), 'statement')} would bring it in line).",
        "",
        "| Kind | Object | Declared at | Change |",
        "|---|---|---|---|",
    ]
    for item in items:
        where = (
            f"`{item.location.file}:{item.location.line}`"
            if item.location
            else "not declared"
            if item.change.action == "drop"
            else "—"
        )
        change = "<br>".join(
            _cell(text) for text in (item.change.summary, *map(str, item.change.differences))
        )
        lines.append(f"| {item.kind} | {_cell(item.object)} | {where} | {change} |")
    diffs = [item for item in items if item.change.diff]
    if diffs:
        lines += ["", "<details><summary>Bodies and definitions that differ</summary>", ""]
        for item in diffs:
            lines += [
                f"`{item.kind} {item.object}` (`-` the database, `+` schema/):",
                "",
                "```diff",
                *item.change.diff,
                "```",
                "",
            ]
        lines.append("</details>")
    lines += access_markdown(plan)  # who gains or loses what (issue 16)
    lines += [
        "",
        "<details><summary>SQL that would bring the database in line with schema/</summary>",
        "",
        "```sql",
        plan.up_sql.rstrip(),
        "```",
        "",
        "</details>",
        "",
    ]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Plain text in a table cell: no column breaks, no HTML, no emphasis, no code spans."""
    for raw, escaped in (
        ("\\", "\\\\"),
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("|", "\\|"),
        ("*", "\\*"),
        ("_", "\\_"),
        ("`", "\\`"),
    ):
        text = text.replace(raw, escaped)
    return text


# -- github: workflow annotations --------------------------------------------------------------


def render_github(plan: Plan, source: SourceSet) -> str:
    """One annotation per drifted object, on the declaring file and line if there is one."""
    schemas = ", ".join(plan.managed_schemas)
    if not plan.has_changes:
        text = f"the database matches schema/ (PostgreSQL {plan.server_major}, schemas: {schemas})"
        return f"::notice title={_property('creo-schema drift')}::{_data(text)}\n"
    out = []
    for item in drift_items(plan, source):
        change = item.change
        # An object re-created only around another change has not drifted itself.
        level = "notice" if change.action == "recreate" else "error"
        properties = [f"title={_property(f'drift: {item.kind} {item.object}')}"]
        if item.location:
            properties = [
                f"file={_property(item.location.file)}",
                f"line={item.location.line}",
                f"col={item.location.column}",
                *properties,
            ]
        message = [change.summary, *(f"- {d}" for d in change.differences)]
        if change.diff:
            message += ["(- the database, + schema/)", *change.diff]
        out.append(f"::{level} {','.join(properties)}::{_data(chr(10).join(message))}")
    return "\n".join(out) + "\n"


def _data(text: str) -> str:
    """Escape an annotation's message, once, as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
