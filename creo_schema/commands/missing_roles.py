"""Roles a plan names that the target lacks: warned of when the plan is shown, refused
before `apply` runs anything (creo-schema never creates a role in a target, unless roles
are code: those the plan manages are its own to create)."""

from __future__ import annotations

from collections.abc import Iterable

from creo_schema.errors import SafetyError
from creo_schema.plan_document import Plan
from creo_schema.roles import roles_in_sql


def missing_role_warnings(
    needed: frozenset[str], configured: Iterable[str], existing: frozenset[str]
) -> tuple[str, ...]:
    """What a plan tells its reviewer about roles the target lacks: the ones its statements
    name (apply refuses it until they exist), then configured ones nothing uses yet."""
    out = [
        f"the target has no role {name}, which this plan names: create it there before "
        "`apply` (creo-schema never creates roles; apply refuses until it exists)"
        for name in sorted(needed - existing)
    ]
    out += [
        f"role {name} is listed in `roles` but the target has no such role "
        "(the shadow has it; create it on the target before a plan needs it)"
        for name in sorted(set(configured) - existing - needed)
    ]
    return tuple(out)


def with_role_warnings(plan: Plan, configured: Iterable[str], existing: frozenset[str]) -> Plan:
    """`plan`, warning of the roles it names, or the configuration lists, that the target
    (whose roles are `existing`) lacks."""
    # (the managed roles, roles as code, are the plan's to create)
    needed = roles_in_sql(s.sql for s in plan.statements) - set(plan.managed_roles)
    warnings = missing_role_warnings(needed, configured, existing | set(plan.managed_roles))
    if not warnings:
        return plan
    return plan.model_copy(update={"warnings": plan.warnings + warnings})


def refuse_missing_roles(plan: Plan, existing: frozenset[str]) -> None:
    """A plan naming a role the target lacks would fail halfway through its transaction:
    refused before anything runs (creo-schema never creates roles in a target)."""
    missing = sorted(
        roles_in_sql(s.sql for s in plan.statements) - existing - set(plan.managed_roles)
    )
    if not missing:
        return
    more = f" (and {len(missing) - 1} more: {', '.join(missing[1:])})" if len(missing) > 1 else ""
    raise SafetyError(
        f"the target has no role {missing[0]}, which the plan names{more}",
        hint="create the role on the target (creo-schema never creates roles), then apply "
        "again; nothing was changed",
        details={"missing_roles": missing},
    )
