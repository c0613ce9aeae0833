"""What roles as code refuses at plan time, by name, before anything runs.

- **Roles never managed**: the role that applies plans (a plan that alters or drops it
  would cut the branch it sits on), the cluster's bootstrap superuser, PostgreSQL's own
  (pg_*, refused as schema/roles/ is read), and memberships of the applier (PostgreSQL 16
  makes it an ADMIN member of what it creates; those are its own).
- **A shadow that is the target's own cluster** (`shadow = "<the target's server>"`): the
  roles it is given to load schema/ would be the target's.
- **Drops that cannot succeed**: a role that owns objects or holds privileges, in this
  database outside what the plan changes or in any other database of the cluster
  (pg_shdepend, shared by all databases, is readable from any): DROP ROLE would fail
  halfway through `apply`, and the objects are not schema/'s to reassign. One that schema/
  still names (a grant, an owner, a policy) likewise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from creo_schema.catalog import CatalogSnapshot
from creo_schema.db import Connection, one_row
from creo_schema.errors import InputError, SafetyError
from creo_schema.source.roles import RoleDeclarations

# The target's facts: who applies, and the bootstrap superuser (oid 10 in every cluster).
_WHO = "select current_user::text, (select rolname::text from pg_roles where oid = 10)"

# What each role to drop still has: in this database, objects outside the managed schemas
# (the plan changes those); in the others, anything. pg_shdepend's deptype: o owner,
# a privileges (ACL), r policy role, i initial privileges.
_HOLDINGS = """
select r.rolname::text,
       case when d.dbid in (0, (select oid from pg_database where datname = current_database()))
            then pg_describe_object(d.classid, d.objid, d.objsubid)
            else 'objects in database ' || coalesce(db.datname::text, 'of the cluster') end
  from pg_shdepend d
  join pg_roles r on r.oid = d.refobjid and d.refclassid = 'pg_authid'::regclass
  left join pg_database db on db.oid = d.dbid
 where r.rolname = any(%(roles)s::text[])
   and d.deptype in ('o', 'a', 'r', 'i')
   and not (d.dbid = (select oid from pg_database where datname = current_database())
            and coalesce(
                  case d.classid
                    when 'pg_class'::regclass then
                      (select relnamespace from pg_class where oid = d.objid)
                    when 'pg_proc'::regclass then
                      (select pronamespace from pg_proc where oid = d.objid)
                    when 'pg_type'::regclass then
                      (select typnamespace from pg_type where oid = d.objid)
                    when 'pg_namespace'::regclass then d.objid
                    when 'pg_policy'::regclass then
                      (select c.relnamespace from pg_policy p join pg_class c on c.oid = p.polrelid
                        where p.oid = d.objid)
                    when 'pg_default_acl'::regclass then
                      (select defaclnamespace from pg_default_acl where oid = d.objid)
                  end, 0) in (select oid from pg_namespace where nspname = any(%(schemas)s::text[])))
 group by 1, 2
 order by 1, 2
"""


# Which cluster a connection reaches: copies of one data directory share the identifier,
# never the start time as well.
_CLUSTER = (
    "select (select system_identifier::text from pg_control_system())"
    " || '@' || pg_postmaster_start_time()::text"
)


def refuse_shared_cluster(target: Connection, shadow_admin_url: str) -> None:
    """Roles as code needs a shadow server that is not the target's: refused (exit 2)."""
    from creo_schema.db import connect

    try:
        mine = one_row(target.execute(_CLUSTER))[0]
    finally:
        if not target.autocommit:
            target.rollback()
    with connect(shadow_admin_url, autocommit=True) as conn:
        theirs = one_row(conn.execute(_CLUSTER))[0]
    if mine == theirs:
        raise InputError(
            "the shadow server is the target's own: with manage_roles, the roles it is given "
            "to load schema/ would be the target's",
            hint="set `shadow` to another server (or leave it to auto)",
        )


def refuse_unmanageable(declarations: RoleDeclarations, target: Connection) -> None:
    """A declaration of the applier or the bootstrap superuser, a membership of the
    applier, or a role named (IN ROLE, ADMIN, GRANT ... TO) that is neither declared nor on
    the target (the apply would fail halfway): an InputError at its file:line:col."""
    declared = set(declarations.names)
    named = sorted({n for s in declarations.statements for n in s.needs} - declared)
    try:
        applier, bootstrap = one_row(target.execute(_WHO))
        present = {
            row[0]
            for row in target.execute(
                "select rolname::text from pg_roles where rolname = any(%s)", (named,)
            )
        }
    finally:
        if not target.autocommit:
            target.rollback()
    for item in declarations.statements:
        missing = [n for n in item.needs if n not in declared and n not in present]
        if missing:
            raise InputError(
                f"role {missing[0]} is neither declared in schema/roles/ nor on the target",
                location=item.location,
                hint=f"declare it with CREATE ROLE {missing[0]}, or create it on the target",
            )
    for item in declarations.statements:
        if item.creates in (applier, bootstrap):
            who = "applies plans" if item.creates == applier else "is the bootstrap superuser"
            raise InputError(
                f"role {item.creates} {who}: it is never managed",
                location=item.location,
                hint="declare the roles the application uses, not the one that runs creo-schema",
            )
        if item.kind == "membership" and applier in item.needs:
            raise InputError(
                f"memberships of role {applier}, which applies plans, are never managed",
                location=item.location,
                hint="grant them by hand",
            )


def refuse_role_drops(
    target: Connection,
    dropped: Iterable[str],
    managed_schemas: tuple[str, ...],
    desired: CatalogSnapshot,
) -> None:
    """Refuse the plan, naming the first role to drop that something still needs."""
    names = sorted(set(dropped))
    if not names:
        return
    problems = [
        f"role {name} is still named in schema/ ({where})"
        for name, where in sorted(_named_in(desired, set(names)).items())
    ]
    try:
        rows = target.execute(
            _HOLDINGS, {"roles": names, "schemas": list(managed_schemas)}
        ).fetchall()
    finally:
        if not target.autocommit:
            target.rollback()
    held: dict[str, list[str]] = {}
    for role, what in rows:
        held.setdefault(role, []).append(what)
    problems += [
        f"role {role} owns or holds privileges on {', '.join(things[:3])}"
        + (f" (and {len(things) - 3} more)" if len(things) > 3 else "")
        for role, things in sorted(held.items())
    ]
    if not problems:
        return
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise SafetyError(
        f"a role the plan drops cannot go: {problems[0]}{more}",
        hint="reassign or drop what it has (REASSIGN OWNED, DROP OWNED, REVOKE) by hand, "
        "or declare the role again in schema/roles/; nothing was changed",
        details={"problems": problems},
    )


def _named_in(desired: CatalogSnapshot, names: set[str]) -> dict[str, str]:
    """Each of `names` that the desired state's objects name (owner, grantee, policy role,
    default privileges' role), with the first object that does."""
    found: dict[str, str] = {}
    for field in dataclasses.fields(desired):
        if field.name in ("roles", "role_memberships"):
            continue
        for row in (
            getattr(desired, field.name) if isinstance(getattr(desired, field.name), tuple) else ()
        ):
            for attribute in ("owner", "grantee", "role", "roles"):
                value = getattr(row, attribute, None)
                values = value if isinstance(value, tuple) else (value,)
                for name in values:
                    if isinstance(name, str) and name in names and name not in found:
                        found[name] = f"{field.name.replace('_', ' ')} {getattr(row, 'key', '')}"
    return found
