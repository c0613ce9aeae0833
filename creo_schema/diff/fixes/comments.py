"""Comments, planned from our own catalog instead of the engine.

The engine sees comments on tables, columns, views and functions only: not on types,
schemas, indexes, constraints, policies, triggers, sequences or domains. Our catalog reads
them all (pg_description through pg_identify_object), so the plan is their difference.
"""

from __future__ import annotations

from creo_schema.diff.fixes._context import Context, dropped_names, gone, literal, normal

# pg_identify_object's type -> the COMMENT ON keyword.
_KEYWORDS = {
    "table": "table",
    "view": "view",
    "materialized view": "materialized view",
    "foreign table": "foreign table",
    "index": "index",
    "sequence": "sequence",
    "function": "function",
    "procedure": "procedure",
    "aggregate": "aggregate",
    "type": "type",
    "domain": "domain",
    "schema": "schema",
    "table column": "column",
    "view column": "column",
    "materialized view column": "column",
    "foreign table column": "column",
    "table constraint": "constraint",
    "domain constraint": "constraint",
    "policy": "policy",
    "trigger": "trigger",
}


def comments_from_catalog(statements: list[str], context: Context) -> list[str]:
    """Replace the engine's COMMENT statements by the difference of the catalogs' comments.

    A comment on an object the plan drops and recreates (a view rebuilt, a function whose
    result type changed) is set again; one on an object the plan drops is left to go with it.
    Scenarios: tests/cases/comments/* (type_and_schema, index_and_constraint,
    policy_and_trigger_function).
    """
    if not context.has_catalogs:
        return statements
    kept = [s for s in statements if not normal(s).startswith("comment on ")]
    dropped = dropped_names(statements)
    old = {c.key: c for c in context.current.comments}
    new = {c.key: c for c in context.desired.comments}
    out: list[str] = []
    for key in sorted(old.keys() | new.keys()):
        comment = new.get(key) or old[key]
        keyword = _KEYWORDS.get(comment.object_type)
        if keyword is None:
            continue
        target = _target(comment.object_type, comment.object)
        if key not in new:
            if not gone(comment.object, dropped):
                out.append(f"comment on {keyword} {target} is null")
            continue
        if key in old and old[key].text == comment.text and not gone(comment.object, dropped):
            continue
        out.append(f"comment on {keyword} {target} is {literal(comment.text)}")
    return kept + out


def _target(object_type: str, identity: str) -> str:
    if object_type == "domain constraint":
        name, _, domain = identity.partition(" on ")
        return f"{name} on domain {domain}"
    return identity
