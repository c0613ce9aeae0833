"""Who can do what: the effective access of a catalog snapshot, as plain data (issue 16).

`access_matrix(catalog, roles)` says, for every table, view, column and function of the
snapshot and each API or declared role, what each command reaches: nothing, all rows, the
rows named policies admit, some columns only, or everything past row level security. It is
a pure function of the snapshot and the roles' facts (`RoleFacts`: superuser, BYPASSRLS,
membership), which the snapshot does not hold: `read_role_facts` reads them with one query,
`platform_role_facts` gives the platform's when no database is at hand (a plan's review).
`access_changes(before, after)` compares two matrices in sentences, `concerns` names the
usual mistakes (a missing policy, a view or SECURITY DEFINER function open to anon, RLS off).
"""

from creo_schema.access.changes import AccessChange, access_changes
from creo_schema.access.concerns import Concern, concerns
from creo_schema.access.matrix import access_matrix, covered_roles
from creo_schema.access.model import Cell, Matrix, PolicyRule, RoleFacts
from creo_schema.access.roles import platform_role_facts, read_role_facts

__all__ = [
    "AccessChange",
    "Cell",
    "Concern",
    "Matrix",
    "PolicyRule",
    "RoleFacts",
    "access_changes",
    "access_matrix",
    "concerns",
    "covered_roles",
    "platform_role_facts",
    "read_role_facts",
]
