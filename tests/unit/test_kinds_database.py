"""Each database-level and cluster-level kind diffed on in-memory snapshots: foreign data
wrappers, servers, user mappings, event triggers, publications with their tables and
schemas, subscriptions, default privileges, roles and memberships
(tests/unit/catalog_rows.py makes the rows)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import (
    DefaultPrivilege,
    EventTrigger,
    ForeignDataWrapper,
    ForeignServer,
    Publication,
    PublicationSchema,
    PublicationTable,
    Role,
    RoleMembership,
    Subscription,
    UserMapping,
)
from tests.unit.catalog_rows import Case, check, column, row, table

T = table("t", 10)
ID = column("t", 10, "id", "integer", 1, not_null=True)
WRAPPER = row(ForeignDataWrapper, name="w", oid=60)
SERVER = row(ForeignServer, name="s", wrapper="w", oid=61, wrapper_oid=60)
MAPPING = row(UserMapping, server="s", user="public", options=("user=x",), oid=62, server_oid=61)
EVENT_TRIGGER = row(
    EventTrigger,
    name="et",
    event="ddl_command_end",
    function="public.g",
    enabled="O",
    function_schema="public",
    oid=63,
)
PUBLICATION = row(
    Publication,
    name="pub",
    publish=("insert", "update", "delete", "truncate"),
    generated_columns="none",
    oid=64,
)
PUBLISHED_TABLE = row(
    PublicationTable, publication="pub", table="t", oid=65, publication_oid=64, table_oid=10
)
PUBLISHED_SCHEMA = row(
    PublicationSchema, publication="pub", schema="public", oid=66, publication_oid=64
)
SUBSCRIPTION = row(
    Subscription,
    name="sub",
    enabled=True,
    publications=("pub",),
    slot_name="sub",
    streaming="parallel",
    synchronous_commit="off",
    origin="any",
    password_required=True,
    conninfo_env="SUB_URL",
)
DEFAULTS = row(
    DefaultPrivilege,
    role="postgres",
    schema="public",
    object_type="tables",
    grantee="anon",
    privileges=("select",),
)
ROLE = row(Role, name="app", inherit=True, connection_limit=-1)
MEMBERSHIP = row(RoleMembership, role="app", member="postgres", inherit=True, set=True)

CASES = [
    Case(
        "foreign data created",
        (),
        (WRAPPER, SERVER, MAPPING),
        [
            (
                "create",
                "foreign data wrapper",
                "foreign data wrapper:w",
                "create foreign data wrapper w",
            ),
            ("create", "server", "server:s", "create server s\n  foreign data wrapper w"),
            (
                "create",
                "user mapping",
                "user mapping:for public server s",
                "create user mapping for public server s options (\"user\" 'x')",
            ),
        ],
        [
            (
                "drop",
                "user mapping",
                "user mapping:for public server s",
                "drop user mapping for public server s",
            ),
            ("drop", "server", "server:s", "drop server s"),
            (
                "drop",
                "foreign data wrapper",
                "foreign data wrapper:w",
                "drop foreign data wrapper w",
            ),
        ],
    ),
    Case(
        "server options",
        (WRAPPER, SERVER),
        (WRAPPER, replace(SERVER, options=("host=h",))),
        [("alter", "server", "server:s", "alter server s options (add host 'h')")],
        [("alter", "server", "server:s", "alter server s options (drop host)")],
    ),
    Case(
        "event trigger created",
        (),
        (EVENT_TRIGGER,),
        [
            (
                "create",
                "event trigger",
                "event trigger:et",
                "create event trigger et on ddl_command_end\n  execute function public.g()",
            )
        ],
        [("drop", "event trigger", "event trigger:et", "drop event trigger et")],
    ),
    Case(
        "event trigger disabled",
        (EVENT_TRIGGER,),
        (replace(EVENT_TRIGGER, enabled="D"),),
        [("alter", "event trigger", "event trigger:et", "alter event trigger et disable")],
        [("alter", "event trigger", "event trigger:et", "alter event trigger et enable")],
    ),
    Case(
        "publication created",
        (T, ID),
        (T, ID, PUBLICATION),
        [("create", "publication", "publication:pub", "create publication pub")],
        [("drop", "publication", "publication:pub", "drop publication pub")],
    ),
    Case(
        "publication operations",
        (PUBLICATION,),
        (replace(PUBLICATION, publish=("insert",)),),
        [
            (
                "alter",
                "publication",
                "publication:pub",
                "alter publication pub set (publish = 'insert')",
            )
        ],
        [
            (
                "alter",
                "publication",
                "publication:pub",
                "alter publication pub set (publish = 'insert, update, delete, truncate')",
            )
        ],
    ),
    Case(
        "publication table",
        (T, ID, PUBLICATION),
        (T, ID, PUBLICATION, PUBLISHED_TABLE),
        [
            (
                "create",
                "publication table",
                "publication table:pub.public.t",
                "alter publication pub add table public.t",
            )
        ],
        [
            (
                "drop",
                "publication table",
                "publication table:pub.public.t",
                "alter publication pub drop table public.t",
            )
        ],
    ),
    Case(
        "publication schema",
        (T, ID, PUBLICATION),
        (T, ID, PUBLICATION, PUBLISHED_SCHEMA),
        [
            (
                "create",
                "publication schema",
                "publication schema:pub.public",
                "alter publication pub add tables in schema public",
            )
        ],
        [
            (
                "drop",
                "publication schema",
                "publication schema:pub.public",
                "alter publication pub drop tables in schema public",
            )
        ],
    ),
    Case(
        # its connection string is the environment's, named by the plan
        "subscription created",
        (),
        (SUBSCRIPTION,),
        [
            (
                "create",
                "subscription",
                "subscription:sub",
                "create subscription sub\n  connection :'SUB_URL'\n  publication pub\n"
                "  with (copy_data = false)",
            )
        ],
        [
            ("drop", "subscription", "subscription:sub", "alter subscription sub disable"),
            ("drop", "subscription", "subscription:sub", "drop subscription sub"),
        ],
    ),
    Case(
        "default privileges",
        (),
        (DEFAULTS,),
        [
            (
                "alter",
                "default privileges",
                "default_privileges:for role current_user in schema public on tables",
                "alter default privileges in schema public grant select on tables to anon",
            )
        ],
        [
            (
                "drop",
                "default privileges",
                "default_privileges:for role current_user in schema public on tables",
                "alter default privileges in schema public revoke select on tables from anon",
            )
        ],
    ),
    Case(
        "role created",
        (),
        (ROLE,),
        [("create", "role", "role:app", "create role app")],
        [("drop", "role", "role:app", "drop role app")],
    ),
    Case(
        "role membership",
        (ROLE,),
        (ROLE, MEMBERSHIP),
        [
            (
                "create",
                "role membership",
                "role membership:app to postgres",
                "grant app to postgres with admin false, inherit true, set true",
            )
        ],
        [
            (
                "drop",
                "role membership",
                "role membership:app to postgres",
                "revoke app from postgres",
            )
        ],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_kind(case: Case) -> None:
    check(case)


def test_every_kind_here_is_covered() -> None:
    kinds = {step[1] for case in CASES for step in case.up}
    assert kinds == {
        ObjectKind.FOREIGN_DATA_WRAPPER,
        ObjectKind.SERVER,
        ObjectKind.USER_MAPPING,
        ObjectKind.EVENT_TRIGGER,
        ObjectKind.PUBLICATION,
        ObjectKind.PUBLICATION_TABLE,
        ObjectKind.PUBLICATION_SCHEMA,
        ObjectKind.SUBSCRIPTION,
        ObjectKind.DEFAULT_PRIVILEGES,
        ObjectKind.ROLE,
        ObjectKind.ROLE_MEMBERSHIP,
    }
