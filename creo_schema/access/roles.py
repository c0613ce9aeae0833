"""Roles' facts the catalog snapshot does not read: SUPERUSER, BYPASSRLS and membership.

Roles belong to the cluster, not to the schema: the snapshot (catalog/, not ours to change)
leaves them out, so `access` reads them here with one query. A plan's review has no
connection at hand for them and compares two catalogs on the same cluster's roles, so it
takes the platform's (`platform_role_facts`): what Supabase gives its roles.
"""

from __future__ import annotations

from creo_schema.access.model import RoleFacts
from creo_schema.db import Connection

# pg_has_role(..., 'USAGE') is membership with inheritance: the privileges a role has
# without SET ROLE, which is what grants and policies are checked against.
_FACTS = """
select r.rolname, r.rolsuper, r.rolbypassrls,
       coalesce((select array_agg(m.rolname order by m.rolname)
                   from pg_catalog.pg_roles m
                  where m.oid <> r.oid and m.rolname !~ '^pg_'
                    and pg_catalog.pg_has_role(r.oid, m.oid, 'USAGE')), '{}')
  from pg_catalog.pg_roles r
 where r.rolname !~ '^pg_'
"""


def read_role_facts(conn: Connection) -> dict[str, RoleFacts]:
    """Every role of `conn`'s cluster (but PostgreSQL's own `pg_*`), by name."""
    rows = conn.execute(_FACTS).fetchall()
    if not conn.autocommit:
        conn.rollback()
    return {
        name: RoleFacts(name, superuser, bypass, tuple(member_of))
        for name, superuser, bypass, member_of in rows
    }


def platform_role_facts(platform: str) -> dict[str, RoleFacts]:
    """The platform's roles as it sets them up (SUPABASE.md section 1); none for plain
    PostgreSQL, whose roles are the administrator's."""
    if platform not in ("supabase", "supabase-legacy"):
        return {}
    api = ("anon", "authenticated", "service_role")
    facts = [
        RoleFacts("anon"),
        RoleFacts("authenticated"),
        RoleFacts("service_role", bypass_rls=True),
        RoleFacts("authenticator", member_of=()),  # NOINHERIT: SET ROLE only
        RoleFacts("postgres", bypass_rls=True, member_of=api),
        RoleFacts("supabase_admin", superuser=True, bypass_rls=True),
    ]
    return {f.name: f for f in facts}
