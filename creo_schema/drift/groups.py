"""Which drifted object a difference or a planned statement belongs to, and its name.

A table's columns, constraints, comments and grants are about the table; a policy, a
trigger, a function or a reference row is an object of its own. A group is written with
the names the differ gives its objects (diff/objects.py: `public.orders`, `public.f(a
integer)`, `public.orders."orders: read"`), so that a catalog difference and the statements
the plan runs for it meet without either being read back from SQL.
"""

from __future__ import annotations

from creo_schema.catalog.differences import FieldValue, ObjectDiff, ObjectRef
from creo_schema.diff.data import RowDiff
from creo_schema.diff.quote import ident, parts, qualified
from creo_schema.drift.model import Subject, quoted
from creo_schema.plan_document import PlannedStatement

Group = tuple[str, ...]

# Statement kinds (the differ's) that are part of a relation's drift.
_ON_RELATION = frozenset(
    {"table", "view", "materialized view", "foreign table", "column", "constraint", "default"}
)
_PART_OF_PARENT = frozenset({"column", "constraint", "default", "view column", "view default"})
_TYPES = frozenset({"enum", "domain", "composite type", "range"})
_ON_TABLE = {"policies": "policy", "triggers": "trigger", "rules": "rule"}
_TYPE_KINDS = {"enums": "type", "composite_types": "type", "ranges": "type", "domains": "domain"}
_RELATION_KINDS = {"partitioned table": "table"}
_MODES = ("IN ", "OUT ", "INOUT ", "VARIADIC ")
_SHORTENED = ("pg_catalog.", "public.")


def _text(value: FieldValue) -> str:
    return "" if value is None else str(value)


def owner(diff: ObjectDiff) -> ObjectRef:
    """The object a difference is reported under: a comment's or privilege's object, a
    column's or constraint's table (an index built for a constraint is the constraint's)."""
    ref = diff.on if diff.kind in ("comments", "privileges") and diff.on else diff.object
    return _owner_of_part(ref)


def _owner_of_part(ref: ObjectRef) -> ObjectRef:
    table = _text(ref.named("table"))
    if ref.kind == "columns" or (ref.kind == "constraints" and table):
        return _relation(_text(ref.named("schema")), table)
    if ref.kind == "indexes" and ref.named("constraint"):
        return _relation(_text(ref.named("schema")), table)
    if ref.kind == "views":
        return _relation(_text(ref.named("schema")), _text(ref.named("name")))
    return ref


def _relation(schema: str, name: str) -> ObjectRef:
    return ObjectRef("relations", f"{schema}.{name}", (("schema", schema), ("name", name)))


def subject_of(ref: ObjectRef) -> Subject:
    """The subject of an object a difference is reported under (see `owner`)."""
    schema, name = _text(ref.named("schema")), _text(ref.named("name"))
    raw = f"{schema}.{name}"
    if ref.kind == "relations":
        kind = _text(ref.named("kind")) or "table"
        kind = _RELATION_KINDS.get(kind, kind)
        return Subject(kind, raw, ("relation", qualified(schema, name)), relation=raw)
    if ref.kind == "functions":
        return _routine(ref, schema, name)
    if ref.kind in _ON_TABLE:
        kind, table = _ON_TABLE[ref.kind], _text(ref.named("table"))
        on = f"{schema}.{table}"
        shown = f'"{name}" on {on}' if kind == "policy" else f"{name} on {on}"
        group = (kind, f"{qualified(schema, table)}.{ident(name)}")
        return Subject(kind, shown, group, relation=on, own_name=name)
    if ref.kind == "indexes":
        return Subject("index", raw, ("index", qualified(schema, name)), relation=raw)
    if ref.kind == "sequences":
        return Subject("sequence", raw, ("sequence", qualified(schema, name)), relation=raw)
    if ref.kind in _TYPE_KINDS:
        return Subject(_TYPE_KINDS[ref.kind], raw, ("type", qualified(schema, name)), relation=raw)
    if ref.kind in ("schemas", "extensions"):
        noun = ref.noun
        return Subject(noun, ref.key, (noun, ident(ref.key)))
    if ref.kind == "default_privileges":
        return _default_privileges(ref)
    return Subject(ref.noun, ref.key, (ref.noun, ref.key))


def _routine(ref: ObjectRef, schema: str, name: str) -> Subject:
    arguments = _argument_types(_text(ref.named("identity_args")), ref.named("arg_names"))
    kind = _text(ref.named("kind")) or "function"
    kind = "function" if kind == "window" else kind
    raw = f"{schema}.{name}"
    return Subject(
        kind,
        f"{raw}({', '.join(arguments)})",
        ("function", f"{qualified(schema, name)}({_text(ref.named('identity_args'))})"),
        routine=raw,
        input_args=len(arguments),
    )


def _argument_types(identity_args: str, names: FieldValue) -> list[str]:
    """`user_uuid uuid, scope public.api_scope` -> [uuid, api_scope]: the input types as a
    comment or grant names the routine (the catalog prints the argument names too)."""
    known = {ident(str(n)) for n in names or () if n} if isinstance(names, tuple) else set()
    out = []
    for part in _top_level(identity_args):
        for mode in _MODES:
            if part.startswith(mode):
                part = part.removeprefix(mode)
        first, _, rest = part.partition(" ")
        if rest and first in known:
            part = rest
        for prefix in _SHORTENED:
            part = part.removeprefix(prefix)
        out.append(part)
    return out


def _top_level(text: str) -> list[str]:
    """`a numeric(12,2), b text` -> the two arguments (commas inside parentheses or
    quotes do not separate)."""
    out, depth, quoted_, start = [], 0, False, 0
    for index, char in enumerate(text):
        if char == '"':
            quoted_ = not quoted_
        elif not quoted_ and char in "([":
            depth += 1
        elif not quoted_ and char in ")]":
            depth -= 1
        elif not quoted_ and depth == 0 and char == ",":
            out.append(text[start:index].strip())
            start = index + 1
    last = text[start:].strip()
    return [*out, last] if last else out


def _default_privileges(ref: ObjectRef) -> Subject:
    schema, on = ref.named("schema"), _text(ref.named("object_type"))
    where = f" in schema {schema}" if schema else ""
    # Grouped without the role: schema/ often leaves it out (the role running the schema),
    # which the database then names (postgres).
    group = ("default privileges", f"{f'in schema {ident(str(schema))} ' if schema else ''}on {on}")
    return Subject("default privileges", f"for role {ref.named('role')}{where} on {on}", group)


def row_subject(row: RowDiff) -> Subject:
    shown = tuple((column, _literal(value)) for column, value in row.key)
    listed = ", ".join(f"{column} = {value}" for column, value in shown)
    return Subject(
        "row",
        f"{row.table} ({listed})",
        ("row", row.table, *(f"{c}={v}" for c, v in shown)),
        relation=row.table,
        row_key=shown,
    )


def _literal(value: str | None) -> str:
    return "null" if value is None else quoted(value)


def statement_group(statement: PlannedStatement) -> Group:
    """The group of a statement the differ planned, from its kind, target and table."""
    kind, target = statement.kind, statement.target
    if kind == "RenameStmt":  # a declared rename (plan/renames.py): its table's
        return ("relation", statement.table)
    if kind in _ON_RELATION or kind in ("view column", "view default"):
        if statement.table:
            return ("relation", statement.table)
        return ("relation", _parent(target) if kind in _PART_OF_PARENT else target)
    if kind in _TYPES or kind == "domain constraint":
        return ("type", _parent(target) if kind == "domain constraint" else target)
    if kind == "default privileges":
        # `for role <owner> [in schema <s> ]on <what>`: grouped without the role.
        at = target.find(" in schema ")
        return (kind, target[at + 1 :] if at >= 0 else target[target.rfind(" on ") + 1 :])
    return (kind, target)


def _parent(name: str) -> str:
    """`public.orders.total` -> `public.orders`, quoting kept as the differ writes it."""
    names = parts(name)
    return qualified(*names[-3:-1]) if len(names) >= 3 else name
