"""Every cell of the RLS matrix (rls_matrix.py), on both servers."""

from __future__ import annotations

import psycopg
import pytest

from tests.creo.conftest import World
from tests.creo.helpers import ANON, SERVICE, acting_as, admin_sql, sqlstate_of, user
from tests.creo.rls_matrix import COMMANDS, DENIED, MATRIX, RLS, TABLES, WHO

CELLS = [
    pytest.param(target, command, i, id=f"{target.name}-{command}-{WHO[i]}")
    for target in MATRIX
    for command in COMMANDS
    for i in range(len(WHO))
]


def identity(world: World, who: str):
    return {
        "anon": ANON,
        "owner": user(world.owner, "owner@example.com"),
        "other": user(world.other, "other@example.com"),
        "admin": user(world.admin, "admin@example.com"),
        "service": SERVICE,
    }[who]


@pytest.mark.parametrize(("target", "command", "who"), CELLS)
def test_cell(world: World, target, command, who) -> None:
    expected = target.expect[command][who]
    statement = target.sql[command]
    setup = (target.setup or {}).get(command)
    params = world.params()
    with acting_as(world.url, identity(world, WHO[who]), setup=setup, params=params) as conn:
        try:
            cur = conn.execute(statement, params)
            got: object = cur.fetchone()["count"] if command == "select" else cur.rowcount
        except psycopg.Error as error:
            assert sqlstate_of(error) == "42501", f"unexpected error {sqlstate_of(error)}: {error}"
            got = RLS if "row-level security" in str(error) else DENIED
    assert got == expected, f"{target.name} {command} as {WHO[who]}: expected {expected}, got {got}"


def test_matrix_covers_every_table(world: World) -> None:
    rows = admin_sql(
        world.url,
        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        " where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1",
    )
    assert [r["relname"] for r in rows] == TABLES
    for target in MATRIX:
        assert set(target.sql) == set(COMMANDS) == set(target.expect)
        assert all(len(cells) == len(WHO) for cells in target.expect.values())
        assert all(
            c in (DENIED, RLS) or isinstance(c, int)
            for cells in target.expect.values()
            for c in cells
        )
