"""Corrections to the engine's output, one function per measured engine error.

Each handler takes the statement list and a `Context` (both sides, as the engine and our
own catalog see them) and returns a corrected list; `apply_fixes` runs them in order. Each
handler's docstring names the scenario under tests/cases/ that shows its error.
"""

from __future__ import annotations

from typing import Any

from creo_schema.diff.fixes._context import Context, Fix
from creo_schema.diff.fixes.comments import comments_from_catalog
from creo_schema.diff.fixes.constraints import foreign_keys_not_rebuilt_for_nothing
from creo_schema.diff.fixes.domains import domains_from_catalog
from creo_schema.diff.fixes.enums import (
    enum_rebuild_around_views,
    enum_statements_once,
    enum_values_added_in_place,
)
from creo_schema.diff.fixes.functions import return_type_changes_drop_first
from creo_schema.diff.fixes.privileges import (
    default_privileges_from_catalog,
    privileges_from_catalog,
)
from creo_schema.diff.fixes.relations import (
    drop_revokes_on_dropped_relations,
    views_not_replaced_for_nothing,
)
from creo_schema.diff.fixes.tables import storage_parameters_from_catalog

FIXES: tuple[Fix, ...] = (
    enum_statements_once,
    enum_values_added_in_place,
    enum_rebuild_around_views,
    foreign_keys_not_rebuilt_for_nothing,
    return_type_changes_drop_first,
    views_not_replaced_for_nothing,
    domains_from_catalog,
    storage_parameters_from_catalog,
    comments_from_catalog,
    privileges_from_catalog,
    default_privileges_from_catalog,
    drop_revokes_on_dropped_relations,
)


def apply_fixes(statements: list[str], current: Any = None, desired: Any = None) -> list[str]:
    """Correct the engine's `statements` taking `current` to `desired` (both `Inspected`,
    or None when only the statements are known)."""
    context = Context(
        current_engine=getattr(current, "engine", None),
        desired_engine=getattr(desired, "engine", None),
        current=getattr(current, "catalog", None),
        desired=getattr(desired, "catalog", None),
    )
    for fix in FIXES:
        statements = fix(statements, context)
    return statements


__all__ = ["FIXES", "Context", "apply_fixes"]
