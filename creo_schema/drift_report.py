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
from pglast.stream import RawStream

from creo_schema.drift.changes import changes
from creo_schema.drift.model import Change, Subject
from creo_schema.errors import Location
from creo_schema.lint.context import Locator, relation_key
from creo_schema.plan.hazards import EXPLANATION, Hazard
from creo_schema.plan_document import Plan, render_sql
from creo_schema.render import access_markdown
from creo_schema.source.asts import Parsed, parsed_statements
from creo_schema.source.model import SourceSet
from creo_schema.words import plural

# How schema/ declares a relation, by its CREATE: a grant says `on table` for a view too.
_DECLARED_AS = {
    ast.ViewStmt: "view",
    ast.CreateTableAsStmt: "materialized view",
    ast.CreateForeignTableStmt: "foreign table",
    ast.CreateStmt: "table",
}


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
            "destructive": change.destructive,
            "location": {"file": where.file, "line": where.line, "column": where.column}
            if where
            else None,
            "statements": [s.sql for s in change.statements],
        }


def drift_items(plan: Plan, source: SourceSet) -> list[DriftItem]:
    locator = Locator(parsed_statements(source))
    items = []
    for change in changes(plan):
        declaring = None if change.action == "drop" else _declaring(change, locator)
        kind = change.subject.kind
        if declaring is not None and change.subject.group[0] == "relation":
            kind = _DECLARED_AS.get(type(declaring.node), kind)
        items.append(DriftItem(change, _location(change, locator, declaring), kind))
    return items


def _declaring(change: Change, locator: Locator) -> Parsed | None:
    """The statement that declares the object (its CREATE), if schema/ has one."""
    subject = change.subject
    group = subject.group[0]
    if subject.routine:
        # Overloads share a name: the declaration with as many inputs is the one.
        return locator.declaring(f"{subject.routine}()", subject.input_args)
    if group == "policy":
        return locator.policy(subject.relation, subject.own_name)
    if group in ("trigger", "rule"):
        return locator.declaring(f"{group}:{subject.relation}.{subject.own_name}")
    if group in ("schema", "extension"):
        return locator.declaring(f"{group}:{subject.name}")
    if group == "default privileges":
        return next(
            (p for p in locator.parsed if isinstance(p.node, ast.AlterDefaultPrivilegesStmt)),
            None,
        )
    if subject.relation:
        return locator.declaring(subject.relation)
    return None


def _location(change: Change, locator: Locator, declaring: Parsed | None) -> Location | None:
    if change.action == "drop":
        return None
    subject = change.subject
    if subject.kind == "row":
        return _row(locator, subject.relation, dict(subject.row_key))
    if change.column is not None:
        column = _column(locator, subject.relation, change.column)
        if column is not None:
            return column
    if declaring is not None:
        return declaring.statement.location
    # A policy or trigger schema/ does not declare under that name, a relation declared
    # only by its grants: at least its table's first statement.
    if subject.relation:
        found = locator.location(subject.relation)
        if found is None:
            found = next((p.statement.location for p in _grants_on(locator, subject)), None)
        return found
    return None


def _grants_on(locator: Locator, subject: Subject) -> list[Parsed]:
    out = []
    for item in locator.parsed:
        node = item.node
        if isinstance(node, ast.GrantStmt):
            for target in node.objects or ():
                if isinstance(target, ast.RangeVar) and relation_key(target) == subject.relation:
                    out.append(item)
    return out


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
            values = {c: _unquoted(_literal(v)) for c, v in zip(columns, row, strict=False)}
            if key and all(values.get(c) == _unquoted(v) for c, v in key.items()):
                return _literal_location(item, _literal(row[columns.index(next(iter(key)))]))
    return first


def _literal(node: ast.Node | None) -> str:
    """A declared constant as SQL without its cast: `'mode'::text` -> `'mode'`; 10 -> `10`."""
    while isinstance(node, ast.TypeCast):
        node = node.arg
    if isinstance(node, ast.A_Const):
        if node.isnull:
            return "null"
        value = node.val
        if isinstance(value, ast.String):
            return "'" + str(value.sval).replace("'", "''") + "'"
        if isinstance(value, ast.Boolean):
            return "true" if value.boolval else "false"
        return str(getattr(value, "ival", getattr(value, "fval", value)))
    assert node is not None  # the parser sets a cast's argument
    return str(RawStream()(node))


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


# -- text: a person at a terminal ----------------------------------------------------------


def render_text(plan: Plan, source: SourceSet) -> str:
    """Each drifted object with what differs and where it is declared, then the SQL that
    would fix it, a statement that deletes data marked so."""
    items = drift_items(plan, source)
    lines = [
        f"{plural(len(items), 'object')} differ{'s' if len(items) == 1 else ''} from "
        f"schema/ ({plural(len(plan.statements), 'statement')} would bring the database in "
        "line):",
        "",
    ]
    for item in items:
        where = f"  ({item.location})" if item.location else ""
        lines.append(f"  {item.kind} {item.object}{where}")
        lines.append(f"    {item.change.summary}")
        lines += [f"    - {d}" for d in item.change.differences]
        if item.change.diff:
            lines += ["    (- the database, + schema/)", *(f"    {d}" for d in item.change.diff)]
    lines += ["", "This SQL would fix it:", ""]
    for statement in plan.statements:
        if "deletes_data" in statement.hazards:
            lines.append(f"-- DESTRUCTIVE: {EXPLANATION[Hazard.DELETES_DATA]}")
        lines.append(render_sql((statement,)).rstrip("\n"))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


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
        f"{', '.join(plan.managed_schemas)}): {plural(len(items), 'object')} "
        f"differ{'s' if len(items) == 1 else ''} from `schema/` "
        f"({plural(len(plan.statements), 'statement')} would bring it in line).",
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
