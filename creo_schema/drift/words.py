"""One difference in words: `<aspect>: <schema/'s> in schema/, <the database's> in the database`.

Each field of a catalog row is said as a reviewer would say it: a function's settings by
name (search_path), its body as a short unified diff, a column's type, a grantee's
privileges one by one. Differences of an object's parts (a column, a constraint, a comment,
a grant) are said with the part's name (`column total: ...`).
"""

from __future__ import annotations

import difflib

from creo_schema.catalog.differences import FieldChange, FieldValue, ObjectDiff
from creo_schema.diff.data import RowDiff
from creo_schema.drift.model import MISSING, UNDECLARED, Difference, both, quoted

MAX_DIFF_LINES = 20
DIFF_CONTEXT = 2

# Fields that say nothing a reviewer acts on: a column's position follows from the others.
_UNSAID = frozenset({"position"})
# Fields whose two values are long texts, shown as a diff rather than in a sentence.
_DIFFED = frozenset({"definition"})
_NAMES = {
    "security_definer": "security definer",
    "result": "returns",
    "with_check": "with check",
    "roles": "to",
    "command": "for",
    "permissive": "as",
    "rls_enabled": "row level security",
    "rls_forced": "forced row level security",
    "unlogged": "persistence",
    "labels": "labels",
}
Said = tuple[list[Difference], tuple[str, ...]]


def said(diff: ObjectDiff, own: bool) -> Said:
    """What `diff` says of the object it is reported under: `own` when it is that object
    itself (its fields), else a part of it (a column, a constraint, a comment, a grant)."""
    if diff.kind in ("privileges", "default_privileges"):
        return _privileges(diff), ()
    if diff.kind == "comments":
        return [_comment(diff)], ()
    if diff.kind == "columns":
        return _column(diff), ()
    if diff.kind == "constraints" and not own:
        return [_constraint(diff)], ()
    if diff.kind == "indexes" and not own:
        return _constraint_index(diff), ()
    if diff.kind == "enums" and diff.action == "alter":
        return _labels(diff), ()
    if not own and diff.action != "alter":
        return [Difference(diff.noun, MISSING if diff.action == "create" else UNDECLARED)], ()
    return _fields(diff)


def _fields(diff: ObjectDiff) -> Said:
    out: list[Difference] = []
    lines: tuple[str, ...] = ()
    for change in diff.fields:
        if change.field in _UNSAID:
            continue
        if change.field == "config":
            out += _settings(change)
        elif change.field in _DIFFED and diff.kind == "functions":
            lines = text_diff(_body(change.old), _body(change.new))
        elif change.field in _DIFFED:
            if " ".join(_shown(change.old).split()) != " ".join(_shown(change.new).split()):
                lines = text_diff(_shown(change.old), _shown(change.new))
        else:
            aspect = _NAMES.get(change.field, change.field.replace("_", " "))
            out.append(Difference(aspect, both(_value(change, "new"), _value(change, "old"))))
    return out, lines


def _value(change: FieldChange, side: str) -> str:
    value = change.new if side == "new" else change.old
    if change.field == "permissive":
        return "permissive" if value else "restrictive"
    if change.field == "unlogged":
        return "unlogged" if value else "logged"
    if change.field in ("rls_enabled", "rls_forced"):
        return "enabled" if value else "disabled"
    return _shown(value)


def _shown(value: FieldValue) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join("none" if v is None else str(v) for v in value) or "none"
    return str(value)


def _settings(change: FieldChange) -> list[Difference]:
    """A function's `SET name = value` settings, one difference per setting that differs."""
    old, new = _as_settings(change.old), _as_settings(change.new)
    out = []
    for name in dict.fromkeys([*new, *old]):
        if old.get(name) != new.get(name):
            out.append(Difference(name, both(new.get(name, "not set"), old.get(name, "not set"))))
    return out


def _as_settings(value: FieldValue) -> dict[str, str]:
    found = {}
    for entry in value if isinstance(value, tuple) else ():
        name, _, setting = str(entry).partition("=")
        # The catalog keeps `search_path=""` for `set search_path = ''`.
        found[name] = "''" if setting in ('""', "") else quoted(setting)
    return found


def _body(value: FieldValue) -> str:
    """A function's body, as written between its dollar quotes (or its SQL-standard body)."""
    lines = str(value or "").split("\n")
    for index, line in enumerate(lines):
        if line.startswith(("AS ", "BEGIN ATOMIC", "RETURN ")):
            text = "\n".join(lines[index:])
            if text.startswith("AS $"):
                tag = text[3 : text.index("$", 4) + 1]
                text = text[len("AS ") + len(tag) :]
                text = text[: text.rfind(tag)] if tag in text else text
            return text.strip("\n")
    return str(value or "")


def _column(diff: ObjectDiff) -> list[Difference]:
    column = str(diff.object.named("name"))
    aspect = f"column {column}"
    if diff.action == "create":
        type_ = diff.changed("type")
        declared = _shown(type_.new) if type_ else ""
        not_null = diff.changed("not_null")
        if not_null is not None and not_null.new:
            declared += " not null"
        return [Difference(aspect, f"{MISSING} ({declared})" if declared else MISSING, column)]
    if diff.action == "drop":
        return [Difference(aspect, UNDECLARED, column)]
    out = []
    for change in diff.fields:
        if change.field in _UNSAID:
            continue
        if change.field == "type":
            text = f"type {both(_shown(change.new), _shown(change.old))}"
        elif change.field == "not_null":
            text = both(_nullness(change.new), _nullness(change.old))
        elif change.field == "identity":
            text = f"identity {both(_identity(change.new), _identity(change.old))}"
        elif change.field == "generated":
            text = f"generated {both(_generated(change.new), _generated(change.old))}"
        else:
            aspect_field = change.field.replace("_", " ")
            text = f"{aspect_field} {both(_shown(change.new), _shown(change.old))}"
        out.append(Difference(aspect, text, column))
    return out


def _nullness(value: FieldValue) -> str:
    return "not null" if value else "nullable"


def _identity(value: FieldValue) -> str:
    return {"a": "generated always", "d": "generated by default"}.get(str(value), "none")


def _generated(value: FieldValue) -> str:
    return {"s": "stored", "v": "virtual"}.get(str(value), "none")


def _constraint(diff: ObjectDiff) -> Difference:
    aspect = f"constraint {diff.object.named('name')}"
    definition = diff.changed("definition")
    if diff.action == "create":
        return Difference(
            aspect, f"{MISSING} ({_shown(definition.new)})" if definition else MISSING
        )
    if diff.action == "drop":
        return Difference(aspect, UNDECLARED)
    if definition is not None:
        return Difference(aspect, both(_shown(definition.new), _shown(definition.old)))
    listed = "; ".join(
        f"{c.field.replace('_', ' ')} {both(_shown(c.new), _shown(c.old))}" for c in diff.fields
    )
    return Difference(aspect, listed)


def _constraint_index(diff: ObjectDiff) -> list[Difference]:
    """The index a constraint was built with: created or dropped with the constraint (which
    says so), or changed on its own (its storage parameters, its tablespace)."""
    if diff.action != "alter":
        return []
    aspect = f"constraint {diff.object.named('constraint')}"
    fields = [c for c in diff.fields if c.field != "definition"] or list(diff.fields)
    return [
        Difference(
            aspect, f"index {c.field.replace('_', ' ')} {both(_shown(c.new), _shown(c.old))}"
        )
        for c in fields
    ]


def _labels(diff: ObjectDiff) -> list[Difference]:
    labels = diff.changed("labels")
    if labels is None:
        return _fields(diff)[0]
    old = [str(v) for v in labels.old] if isinstance(labels.old, tuple) else []
    new = [str(v) for v in labels.new] if isinstance(labels.new, tuple) else []
    out = [Difference(f"label {quoted(v)}", MISSING) for v in new if v not in old]
    out += [Difference(f"label {quoted(v)}", UNDECLARED) for v in old if v not in new]
    if not out:  # the same labels in another order
        out.append(Difference("labels", both(", ".join(new), ", ".join(old))))
    rest = ObjectDiff(diff.object, diff.action, tuple(f for f in diff.fields if f is not labels))
    return out + _fields(rest)[0]


def _comment(diff: ObjectDiff) -> Difference:
    on = diff.on
    column = str(on.named("name")) if on is not None and on.kind == "columns" else None
    aspect = f"comment on column {column}" if column else "comment"
    text = diff.changed("text")
    if diff.action == "drop":
        return Difference(aspect, UNDECLARED, column)
    new, old = (text.new, text.old) if text else (None, None)
    shown_old = quoted(str(old)) if diff.action == "alter" else None
    return Difference(aspect, both(quoted(str(new)), shown_old), column)


def _privileges(diff: ObjectDiff) -> list[Difference]:
    """One difference per privilege a grantee holds on one side only (`*`: grantable)."""
    grantee = diff.object.named("grantee")
    on = diff.on
    column = str(on.named("name")) if on is not None and on.kind == "columns" else None
    change = diff.changed("privileges")
    old = change.old if change is not None and isinstance(change.old, tuple) else ()
    new = change.new if change is not None and isinstance(change.new, tuple) else ()
    named = f" ({column})" if column else ""
    out = []
    for privilege in (p for p in new if p not in old):
        aspect = f"privilege {_privilege(privilege)}{named} to {grantee}"
        out.append(Difference(aspect, MISSING, column))
    for privilege in (p for p in old if p not in new):
        aspect = f"privilege {_privilege(privilege)}{named} to {grantee}"
        out.append(Difference(aspect, "granted in the database, not in schema/", column))
    return out


def _privilege(value: FieldValue) -> str:
    text = str(value).lower()
    return text.removesuffix("*") + " with grant option" if text.endswith("*") else text


def row_said(row: RowDiff) -> list[Difference]:
    return [
        Difference(
            c.field, both(_row_value(c.new), _row_value(c.old) if c.old is not None else None)
        )
        for c in row.fields
    ]


def _row_value(value: FieldValue) -> str:
    return "null" if value is None else quoted(str(value))


def text_diff(old: str, new: str) -> tuple[str, ...]:
    """A unified diff from the database's text to schema/'s, a few lines of context, capped."""
    lines = list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=DIFF_CONTEXT)
    )[2:]  # the ---/+++ header names no file here
    if len(lines) > MAX_DIFF_LINES:
        more = len(lines) - MAX_DIFF_LINES
        lines = [*lines[:MAX_DIFF_LINES], f"… {more} more line{'s' if more != 1 else ''}"]
    return tuple(lines)
