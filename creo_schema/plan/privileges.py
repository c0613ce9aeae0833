"""What the applying role may do, checked when the plan is made (issue 22).

The shadow proves a plan as a superuser: it proves what the SQL does, not who may run it.
The role that applies is often none (Supabase's `postgres`, the master user of Amazon RDS or
Cloud SQL), and what it may not do would otherwise be discovered halfway through `apply`.
So each change of the migration is held against the applier's powers, and the plan is
refused by name before anything runs:

- altering or dropping an object (and adding to a table: a column, an index, a policy)
  needs the privileges of its owner;
- giving an object to a role (ALTER ... OWNER TO) needs the right to become that role, as
  does setting default privileges for it;
- event triggers, foreign-data wrappers, publications of all tables or of a schema's
  tables, binary-coercible casts, functions in an untrusted language, aggregates with an
  internal state, untrusted extensions and moving an extension to another schema are a
  superuser's;
- roles (roles as code): creating, altering, dropping a role, its settings, comment and
  memberships need CREATEROLE, and from PostgreSQL 16 the ADMIN option on the role (a role
  the applier created has it); a superuser role, and before 16 REPLICATION and BYPASSRLS,
  are a superuser's (from 16 the applier must have those attributes itself).
- creating a subscription is a superuser's on PostgreSQL 15; from 16, also a member of
  pg_create_subscription with CREATE on the database may (without password_required =
  false, a superuser's). The platform changes nothing to this: Supabase's `postgres` is no
  superuser, so a Supabase project creates subscriptions only where `postgres` has been
  made such a member (16 and later); otherwise the plan is refused by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from creo_schema.db import Connection, one_row
from creo_schema.diff.change import Change
from creo_schema.diff.kinds.default_privileges import CURRENT
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.owners import owners
from creo_schema.errors import SafetyError

REFUSAL = "may not do"  # in every refusal's message: tests and scripts match it


@dataclass(frozen=True)
class Applier:
    """The role a plan is applied as, and what it may do on the target."""

    name: str
    superuser: bool
    privileges_of: frozenset[str] = frozenset()  # roles whose objects it may alter
    may_become: frozenset[str] = frozenset()  # roles it may SET ROLE to (and give objects)
    untrusted_languages: frozenset[str] = frozenset()
    untrusted_extensions: frozenset[str] = frozenset()
    # Roles as code: its role attributes, and the roles it holds the ADMIN option on.
    createrole: bool = False
    replication: bool = False
    bypassrls: bool = False
    admin_of: frozenset[str] = frozenset()
    major: int = 0
    # a member of pg_create_subscription (16+) with CREATE on the database
    creates_subscriptions: bool = False


# A superuser's row is its name alone (CASE evaluates only the branch it takes); the
# extensions' control files are read only for those the plan may create.
_FACTS = """
select r.rolname::text, r.rolsuper,
       case when r.rolsuper then '{}' else
         coalesce((select array_agg(o.rolname::text) from pg_catalog.pg_roles o
                    where pg_catalog.pg_has_role(r.oid, o.oid, 'USAGE')), '{}') end,
       case when r.rolsuper then '{}' else
         coalesce((select array_agg(o.rolname::text) from pg_catalog.pg_roles o
                    where pg_catalog.pg_has_role(r.oid, o.oid, %(become)s)), '{}') end,
       case when r.rolsuper then '{}' else
         coalesce((select array_agg(l.lanname::text) from pg_catalog.pg_language l
                    where not l.lanpltrusted), '{}') end,
       case when r.rolsuper or cardinality(%(created)s::text[]) = 0 then '{}' else
         coalesce((select array_agg(distinct v.name::text)
                     from pg_catalog.pg_available_extension_versions v
                    where v.superuser and not v.trusted
                      and v.name = any(%(created)s::text[])), '{}') end,
       r.rolcreaterole, r.rolreplication, r.rolbypassrls,
       case when r.rolsuper then '{}' else
         coalesce((select array_agg(o.rolname::text) from pg_catalog.pg_roles o
                    where pg_catalog.pg_has_role(r.oid, o.oid, 'USAGE WITH ADMIN OPTION')),
                  '{}') end,
       r.rolsuper or (exists (select from pg_catalog.pg_roles g
                               where g.rolname = 'pg_create_subscription'
                                 and pg_catalog.pg_has_role(r.oid, g.oid, 'USAGE'))
                      and pg_catalog.has_database_privilege(current_database(), 'CREATE'))
  from pg_catalog.pg_roles r
 where r.rolname = current_user
"""


def applier_of(conn: Connection, created_extensions: Iterable[str] = ()) -> Applier:
    """Who `conn` acts as, and what it may do (one query; an open transaction is ended);
    `created_extensions`: those the plan may create, whose trust is looked up."""
    # PostgreSQL 16 split membership: giving an object to a role needs its SET option.
    become = "SET" if int(conn.info.server_version) >= 160000 else "MEMBER"
    try:
        row = one_row(
            conn.execute(_FACTS, {"become": become, "created": sorted(created_extensions)})
        )
    finally:
        if not conn.autocommit:
            conn.rollback()
    name, superuser, privileges_of, may_become, languages, extensions, *rest = row
    createrole, replication, bypassrls, admin_of, subscribes = rest
    return Applier(
        name,
        bool(superuser),
        frozenset(privileges_of),
        frozenset(may_become),
        frozenset(languages),
        frozenset(extensions),
        bool(createrole),
        bool(replication),
        bool(bypassrls),
        frozenset(admin_of),
        int(conn.info.server_version) // 10000,
        bool(subscribes),
    )


# Kinds only a superuser may create, alter or drop.
_SUPERUSER_KINDS = {"event trigger": "an event trigger", "foreign data wrapper": "a wrapper"}
# Changes that add to an existing table without altering the table's row, yet need its
# owner: a trigger needs only the TRIGGER privilege (Supabase grants it on auth.users).
_NEEDS_NO_OWNER = frozenset({"trigger"})


def refuse_what_the_applier_may_not_do(
    changes: Iterable[Change],
    current: Side,
    desired: Side,
    applier: Applier | None,
    platform: str,
) -> None:
    """Raise, naming the first change the applier may not make (and how many more)."""
    if applier is None or applier.superuser:
        return
    problems = not_permitted(list(changes), current, desired, applier, platform)
    if not problems:
        return
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise SafetyError(
        f"the plan needs what the applying role {applier.name} {REFUSAL}: {problems[0]}{more}",
        hint="apply as a role that may (a superuser, or a member of the owning role), or "
        "leave those objects out of schema/; nothing was changed",
        details={"not_permitted": problems, "applier": applier.name},
    )


def not_permitted(
    changes: list[Change], current: Side, desired: Side, applier: Applier, platform: str
) -> list[str]:
    owned = owners(current)
    out: list[str] = []
    for item in changes:
        wanted = desired.nodes.get(item.identity)
        if item.kind in _ROLE_KINDS:
            held = current.nodes.get(item.identity)
            made = {
                n.item.name
                for i, n in desired.nodes.items()
                if n.kind == "role" and i not in current.nodes
            }
            problem = _role_problem(item, wanted.item if wanted else None, held, applier, made)
            if problem and problem not in out:
                out.append(problem)
            continue
        problem = _superuser_only(item, wanted.item if wanted else None, applier) or _ownership(
            item, wanted.item if wanted else None, owned, applier, platform
        )
        if problem and problem not in out:
            out.append(problem)
    return out


def _superuser_only(item: Change, wanted: Any, applier: Applier) -> str | None:
    what = _SUPERUSER_KINDS.get(item.kind)
    if what:
        return f"{item.operation.replace('_', ' ')} {item.name} ({what} is a superuser's)"
    if item.operation == "extension_set_schema":
        # Moving each of its objects needs their owner: a trusted extension's belong to the
        # bootstrap superuser even when another role installed it.
        return f"alter extension {item.name} set schema (its objects are a superuser's)"
    if item.kind == "function" and getattr(wanted, "kind", None) == "aggregate":
        # An aggregate's pg_proc row says language internal, which is no function body:
        # anyone may create one over callable functions, unless its state is `internal`
        # (CREATE OR REPLACE AGGREGATE included).
        if item.operation in ("create_aggregate", "replace_aggregate") and wanted.internal_state:
            return f"create aggregate {item.name} with an internal state (a superuser's)"
        return None
    if item.action not in ("create", "replace"):
        return None
    if item.kind == "publication schema":
        return f"publish the tables of schema {item.name} (a superuser's)"
    if item.kind == "publication" and getattr(wanted, "all_tables", False):
        return f"create publication {item.name} for all tables (a superuser's)"
    if item.kind == "subscription":
        return _subscription(item, wanted, applier)
    if item.kind == "cast" and getattr(wanted, "method", "") == "b":
        return f"create cast {item.name} without function (a superuser's)"
    if item.kind == "extension" and item.name in applier.untrusted_extensions:
        return f"create extension {item.name} (an untrusted extension is a superuser's)"
    language = getattr(wanted, "language", None)
    if item.kind == "function" and language in applier.untrusted_languages:
        return f"create function {item.name} in language {language} (untrusted: a superuser's)"
    return None


def _subscription(item: Change, wanted: Any, applier: Applier) -> str | None:
    if not applier.creates_subscriptions:
        return (
            f"create subscription {item.name} (a superuser's on PostgreSQL 15; from 16 also "
            "a member of pg_create_subscription with CREATE on the database)"
        )
    if not getattr(wanted, "password_required", True):
        return f"create subscription {item.name} with password_required = false (a superuser's)"
    return None


def _ownership(
    item: Change, wanted: Any, owned: dict[str, str], applier: Applier, platform: str
) -> str | None:
    new_owner = item.details.get("new_owner")
    gives = item.operation == "owner" and new_owner and new_owner != CURRENT
    if gives and new_owner not in applier.may_become:
        return f"give {item.name} to {new_owner} (not a role {applier.name} may become)"
    role = getattr(wanted, "role", None) if item.kind == "default privileges" else None
    if role and role != CURRENT and role not in applier.may_become:
        return f"set default privileges for role {role}"
    if item.kind in _NEEDS_NO_OWNER and (item.action == "create" or platform != "none"):
        # Dropping one on a platform table is allowed on Supabase (supautils).
        return None
    owner = owned.get(item.identity)
    if owner is None and item.table:
        owner = owned.get(item.table)
    if owner is None or owner in applier.privileges_of:
        return None
    return f"{item.operation.replace('_', ' ')} {item.name} (owned by {owner})"


_ROLE_KINDS = frozenset({"role", "role membership"})


def _role_problem(
    item: Change, wanted: Any, held: Node | None, applier: Applier, made: set[str]
) -> str | None:
    """Why a non-superuser applier may not make a change to a role or membership (None
    when it may): PostgreSQL's rules for CREATEROLE, which 16 tightened."""
    what = f"{item.operation.replace('_', ' ')} {item.name}"
    if not applier.createrole:
        return f"{what} (needs CREATEROLE)"
    if item.kind == "role membership":
        role = getattr(wanted or getattr(held, "item", None), "role", "")
        # (a role the plan creates is the applier's to grant: its creator gets ADMIN on it)
        if applier.major >= 16 and role not in applier.admin_of | made:
            return f"{what} (needs the ADMIN option on role {role})"
        return None
    states = [x for x in (wanted, getattr(held, "item", None)) if x is not None]
    if any(state.superuser for state in states):
        return f"{what} (a superuser role is a superuser's)"
    for attribute in ("replication", "bypassrls"):
        if any(getattr(state, attribute) for state in states) and (
            applier.major < 16 or not getattr(applier, attribute)
        ):
            return f"{what} ({attribute.upper()} is a superuser's, or from 16 its holder's)"
    if held is not None and applier.major >= 16 and held.item.name not in applier.admin_of:
        return f"{what} (needs the ADMIN option on it)"
    return None
