"""db.kept_open: one connection to a target lent along a command's steps, never shared by two
holders at once, and handed back as a fresh `connect` would give it."""

from __future__ import annotations

import psycopg
import pytest

from creo_schema.db import connect, kept_open


def _backend(conn: psycopg.Connection) -> int:
    return int(conn.execute("select pg_backend_pid()").fetchone()[0])  # type: ignore[index]


def test_steps_in_turn_share_one_session(fresh_db: str) -> None:
    with kept_open(fresh_db):
        with connect(fresh_db, autocommit=True) as first:
            pid = _backend(first)
        with connect(fresh_db) as second:
            assert _backend(second) == pid
            assert not second.autocommit  # as asked, not as the last holder left it
    with connect(fresh_db) as after:  # the scope closed it: a new session
        assert _backend(after) != pid


def test_a_second_holder_gets_a_connection_of_its_own(fresh_db: str) -> None:
    with kept_open(fresh_db), connect(fresh_db) as outer, connect(fresh_db) as inner:
        assert _backend(outer) != _backend(inner)


def test_handed_back_as_new_commit_on_success_rollback_on_error(fresh_db: str) -> None:
    with kept_open(fresh_db):
        with connect(fresh_db) as conn:
            conn.execute("create table kept (id int)")
            conn.execute("set statement_timeout = '1s'")
        with pytest.raises(RuntimeError), connect(fresh_db) as conn:
            conn.execute("insert into kept values (1)")
            raise RuntimeError("a step failed")
        with connect(fresh_db, autocommit=True) as conn:
            # committed on success, rolled back on the error, settings reset
            assert conn.execute("select count(*) from kept").fetchone() == (0,)
            assert conn.execute("show statement_timeout").fetchone() == ("0",)


def test_a_broken_session_is_replaced(fresh_db: str) -> None:
    with kept_open(fresh_db):
        with connect(fresh_db, autocommit=True) as conn:
            pid = _backend(conn)
        # from outside the scope's reach (a `connect` here would be lent the same session)
        with psycopg.connect(fresh_db, autocommit=True) as other:
            other.execute("select pg_terminate_backend(%s)", (pid,))
        with pytest.raises(psycopg.Error), connect(fresh_db) as conn:
            conn.execute("select 1")
        with connect(fresh_db, autocommit=True) as conn:
            assert _backend(conn) != pid
