"""The effective access of a catalog snapshot: a pure function, no database.

How PostgreSQL decides, and so how a cell is worked out:

- a role acts with its own privileges, PUBLIC's, and those of every role it is a member of
  with INHERIT (`RoleFacts.member_of`); it needs USAGE on the schema first;
- a table command needs the table privilege, or (select, insert, update) a column privilege,
  which reaches only those columns;
- then row level security: off, every row; on, a superuser, a BYPASSRLS role and the
  table's owner (unless FORCE) skip it; everyone else gets the rows the permissive policies
  for the command and role admit (ORed), cut by the restrictive ones (ANDed), and none when
  no permissive policy applies;
- a view runs its query with its owner's rights unless `security_invoker`; a materialized
  view has no row level security; a SECURITY DEFINER function runs as its owner.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from creo_schema.access.model import (
    ALL_ROWS,
    AS_CALLER,
    AS_OWNER,
    BYPASS,
    FUNCTION_COMMANDS,
    NONE,
    POLICIES,
    TABLE_COMMANDS,
    Cell,
    Matrix,
    PolicyRule,
    RoleFacts,
)
from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.model import Function, Policy, Relation

API_ROLES = ("anon", "authenticated", "service_role")
# Roles that administer rather than call: never a column of the matrix.
_PLATFORM_ADMINS = frozenset({"postgres", "authenticator", "supabase_admin", "dashboard_user"})
_COLUMN_COMMANDS = frozenset({"select", "insert", "update"})
_PRIVILEGE = {"select": "select", "insert": "insert", "update": "update", "delete": "delete"}


def covered_roles(
    catalog: CatalogSnapshot, facts: Mapping[str, RoleFacts], platform: str
) -> tuple[str, ...]:
    """The API roles (on Supabase), then every other role the snapshot grants to or names
    in a policy, but superusers, PostgreSQL's and the platform's administrators."""
    api = API_ROLES if platform in ("supabase", "supabase-legacy") else ()
    named = {p.grantee for p in catalog.privileges} | {r for p in catalog.policies for r in p.roles}
    owners = {r.owner for r in catalog.relations} | {f.owner for f in catalog.functions}
    others = sorted(
        name
        for name in named - set(api) - owners - _PLATFORM_ADMINS
        if name != "public"
        and not name.startswith(("pg_", "supabase_"))
        and not facts.get(name, RoleFacts(name)).superuser
    )
    return (*api, *others)


def access_matrix(
    catalog: CatalogSnapshot,
    facts: Mapping[str, RoleFacts],
    roles: Iterable[str],
    exposed_schemas: Iterable[str] = ("public",),
) -> Matrix:
    """Every relation and function of `catalog`, for each of `roles` and each command."""
    names = tuple(roles)
    reader = _Reader(catalog, facts, frozenset(exposed_schemas))
    cells: list[Cell] = []
    for relation in sorted(catalog.relations, key=lambda r: (r.schema, r.name)):
        for role in names:
            cells.extend(reader.relation_cell(relation, role, c) for c in TABLE_COMMANDS)
    # A trigger function cannot be called, only fired: EXECUTE on it reaches nothing.
    functions = (
        f
        for f in catalog.functions
        if f.kind in ("function", "procedure") and f.result not in ("trigger", "event_trigger")
    )
    for function in sorted(functions, key=lambda f: (f.schema, f.name, f.identity_args)):
        for role in names:
            cells.extend(reader.function_cell(function, role, c) for c in FUNCTION_COMMANDS)
    return Matrix(names, tuple(cells))


class _Reader:
    """Lookups over one snapshot, built once."""

    def __init__(
        self, catalog: CatalogSnapshot, facts: Mapping[str, RoleFacts], exposed: frozenset[str]
    ) -> None:
        self.facts = facts
        self.exposed = exposed
        self._holders: dict[str, frozenset[str]] = {}
        self.grants: dict[tuple[str, int, int], dict[str, set[str]]] = {}
        for p in catalog.privileges:
            held = self.grants.setdefault((p.class_, p.objid, p.subid), {})
            held.setdefault(p.grantee, set()).update(x.rstrip("*") for x in p.privileges)
        self.schema_oids = {s.name: s.oid for s in catalog.schemas}
        self.columns: dict[int, list[tuple[int, str]]] = {}
        for column in catalog.columns:
            self.columns.setdefault(column.table_oid, []).append((column.attnum, column.name))
        self.policies: dict[int, list[Policy]] = {}
        for policy in catalog.policies:
            self.policies.setdefault(policy.table_oid, []).append(policy)
        self.views = {(v.schema, v.name): v for v in catalog.views}
        self.rewritten = {t.table_oid for t in catalog.triggers} | {
            r.table_oid for r in catalog.rules
        }

    def role(self, name: str) -> RoleFacts:
        found = self.facts.get(name)
        return found if found is not None else RoleFacts(name)

    def holders(self, name: str) -> frozenset[str]:
        """The role, PUBLIC and the roles it is a member of: whose grants it holds. Asked
        for every cell and column, so kept once made."""
        found = self._holders.get(name)
        if found is None:
            found = self._holders[name] = frozenset({name, "public", *self.role(name).member_of})
        return found

    def holds(self, role: str, key: tuple[str, int, int], privilege: str) -> bool:
        held = self.grants.get(key)
        if not held:
            return False
        return any(privilege in held.get(h, ()) for h in self.holders(role))

    def schema_usage(self, role: str, schema: str) -> bool:
        oid = self.schema_oids.get(schema)
        if oid is None:
            return True  # not read (a platform schema): assume so
        return self.holds(role, ("pg_namespace", oid, 0), "usage")

    def relation_cell(self, relation: Relation, role: str, command: str) -> Cell:
        obj = _quoted(relation.schema, relation.name)
        cell = _CellMaker(obj, relation.kind, role, command, relation.schema in self.exposed)
        facts = self.role(role)
        if facts.superuser:
            return cell.make(BYPASS, reason="superuser")
        if not self.schema_usage(role, relation.schema):
            return cell.make(NONE, reason=f"no USAGE on schema {relation.schema}")
        columns: tuple[str, ...] | None = None
        if not self.holds(role, ("pg_class", relation.oid, 0), _PRIVILEGE[command]):
            if command in _COLUMN_COMMANDS:
                columns = tuple(
                    name
                    for number, name in sorted(self.columns.get(relation.oid, []))
                    if self.holds(role, ("pg_class", relation.oid, number), command)
                )
            if not columns:
                return cell.make(NONE, reason="no privilege")
        if relation.kind == "view":
            return self._view_cell(cell, relation, command, columns)
        if relation.kind == "materialized view":
            if command != "select":
                return cell.make(NONE, reason="a materialized view is read only")
            return cell.make(ALL_ROWS, columns, reason="a materialized view has no RLS")
        if relation.kind == "foreign table" or not relation.rls_enabled:
            return cell.make(ALL_ROWS, columns, reason="row level security is off")
        if facts.bypass_rls:
            return cell.make(BYPASS, columns, reason="BYPASSRLS")
        owner = relation.owner in self.holders(role)
        if owner and not relation.rls_forced:
            return cell.make(BYPASS, columns, reason="the table's owner")
        return self._policy_cell(cell, relation, role, command, columns)

    def _view_cell(
        self, cell: _CellMaker, view: Relation, command: str, columns: tuple[str, ...] | None
    ) -> Cell:
        if command != "select" and not (view.updatable or view.oid in self.rewritten):
            return cell.make(NONE, reason="the view is not updatable")
        found = self.views.get((view.schema, view.name))
        if found is not None and found.security_invoker:
            return cell.make(AS_CALLER, columns, reason="security_invoker: the tables' RLS applies")
        owner = self.role(view.owner)
        if owner.bypasses_rls:
            return cell.make(BYPASS, columns, reason=f"no security_invoker: runs as {view.owner}")
        return cell.make(AS_OWNER, columns, reason=f"no security_invoker: runs as {view.owner}")

    def _policy_cell(
        self,
        cell: _CellMaker,
        table: Relation,
        role: str,
        command: str,
        columns: tuple[str, ...] | None,
    ) -> Cell:
        holders = self.holders(role)
        applicable = [
            p
            for p in self.policies.get(table.oid, [])
            if p.command in (command, "all") and holders & set(p.roles)
        ]
        rules = tuple(
            PolicyRule(p.name, p.permissive, *_clauses(p, command))
            for p in sorted(applicable, key=lambda p: (not p.permissive, p.name))
        )
        permissive = [r for r in rules if r.permissive]
        if not permissive:
            return cell.make(NONE, reason=f"row level security is on and no policy admits {role}")
        restrictive = [r for r in rules if not r.permissive]
        if not restrictive and any(_unconditional(r) for r in permissive):
            names = ", ".join(r.name for r in permissive if _unconditional(r))
            return cell.make(ALL_ROWS, columns, reason=f"policy {names} admits every row")
        return cell.make(POLICIES, columns, policies=rules)

    def function_cell(self, function: Function, role: str, command: str) -> Cell:
        obj = f"{_quoted(function.schema, function.name)}({function.identity_args})"
        cell = _CellMaker(obj, function.kind, role, command, function.schema in self.exposed)
        facts = self.role(role)
        if facts.superuser:
            return cell.make(BYPASS, reason="superuser")
        if not self.schema_usage(role, function.schema):
            return cell.make(NONE, reason=f"no USAGE on schema {function.schema}")
        if not self.holds(role, ("pg_proc", function.oid, 0), "execute"):
            return cell.make(NONE, reason="no EXECUTE")
        if not function.security_definer:
            return cell.make(AS_CALLER, reason="SECURITY INVOKER")
        if self.role(function.owner).bypasses_rls:
            return cell.make(BYPASS, reason=f"SECURITY DEFINER: runs as {function.owner}")
        return cell.make(AS_OWNER, reason=f"SECURITY DEFINER: runs as {function.owner}")


class _CellMaker:
    def __init__(self, obj: str, kind: str, role: str, command: str, exposed: bool) -> None:
        self.obj, self.kind, self.role, self.command, self.exposed = (
            obj,
            kind,
            role,
            command,
            exposed,
        )

    def make(
        self,
        rows: str,
        columns: tuple[str, ...] | None = None,
        *,
        policies: tuple[PolicyRule, ...] = (),
        reason: str = "",
    ) -> Cell:
        return Cell(
            self.obj,
            self.kind,
            self.role,
            self.command,
            rows,
            columns,
            policies,
            reason,
            self.exposed,
        )


def _clauses(policy: Policy, command: str) -> tuple[str | None, str | None]:
    """The USING and WITH CHECK that apply to `command`: SELECT and DELETE check rows with
    USING only, INSERT new rows with WITH CHECK only, UPDATE both (WITH CHECK defaulting to
    USING)."""
    if command in ("select", "delete"):
        return policy.using, None
    if command == "insert":
        return None, policy.with_check if policy.with_check is not None else policy.using
    return policy.using, policy.with_check if policy.with_check is not None else policy.using


def _unconditional(rule: PolicyRule) -> bool:
    return all(e is None or e.strip().lower() == "true" for e in (rule.using, rule.with_check))


def _quoted(schema: str, name: str) -> str:
    from creo_schema.diff.quote import qualified

    return qualified(schema, name)
