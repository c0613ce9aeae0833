"""The health checks: each reads the database and returns one `Check`.

A check never raises for what it finds: a problem is a result. `problem` makes `health` exit
1; `warning` is reported but does not (an unused index on a young database is normal).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg

from creo_schema.db import Connection, one_row
from creo_schema.words import plural

OK, WARNING, PROBLEM, SKIPPED = "ok", "warning", "problem", "skipped"


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    summary: str
    details: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Context:
    conn: Connection  # autocommit connection to the target
    schemas: tuple[str, ...]
    long_after_s: int  # a transaction or a lock wait older than this is reported


def connectivity(ctx: Context) -> Check:
    version, db, user = one_row(
        ctx.conn.execute("select version(), current_database(), current_user")
    )
    return Check("connection", OK, f"connected to {db} as {user}: {version.split(',')[0]}")


def migrations(ctx: Context) -> Check:
    history = ctx.conn.execute("select to_regclass('creo_schema.migrations') is not null")
    exists = one_row(history)[0]
    if not exists:
        return Check("migrations", OK, "no migration history (creo_schema.migrations is absent)")
    last = ctx.conn.execute(
        "select id, applied_at, kind from creo_schema.migrations "
        "where status = 'applied' order by id desc limit 1"
    ).fetchone()
    failed = ctx.conn.execute(
        "select id, applied_at, coalesce(error, '') from creo_schema.migrations "
        "where status = 'failed' and id > coalesce((select max(id) from creo_schema.migrations "
        "where status = 'applied'), 0) order by id"
    ).fetchall()
    summary = (
        f"last applied: #{last[0]} ({last[2]}) at {last[1]:%Y-%m-%d %H:%M:%S %Z}"
        if last
        else "no migration applied yet"
    )
    if failed:
        return Check(
            "migrations",
            PROBLEM,
            f"{len(failed)} failed migration(s) since the last applied one; {summary}",
            tuple(f"#{i} failed at {at:%Y-%m-%d %H:%M:%S}: {error}" for i, at, error in failed),
        )
    return Check("migrations", OK, summary)


def integrity(ctx: Context) -> Check:
    exists = one_row(
        ctx.conn.execute("select to_regprocedure('public.validate_system_integrity()') is not null")
    )[0]
    if not exists:
        return Check("integrity", SKIPPED, "public.validate_system_integrity() does not exist")
    try:
        with ctx.conn.transaction(), ctx.conn.cursor() as cursor:
            cursor.execute("select * from public.validate_system_integrity()")
            names = [c.name for c in cursor.description or ()]
            rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    except psycopg.Error as error:
        return Check(
            "integrity",
            PROBLEM,
            f"validate_system_integrity() failed: {error.diag.message_primary or error}",
        )
    failing = [r for r in rows if _failing(r)]
    if failing:
        return Check(
            "integrity",
            PROBLEM,
            f"{len(failing)} of {len(rows)} integrity checks failed",
            tuple(_describe(r) for r in failing),
        )
    return Check("integrity", OK, f"{len(rows)} integrity checks passed")


def _failing(row: dict[str, Any]) -> bool:
    if row.get("issue_count") is not None:
        return int(row["issue_count"]) > 0
    status = str(row.get("status", "ok")).lower()
    return status not in ("ok", "pass", "passed", "healthy", "true")


def _describe(row: dict[str, Any]) -> str:
    name = row.get("check_name") or row.get("name") or "check"
    count = row.get("issue_count")
    text = row.get("details") or row.get("status") or ""
    return (
        f"{name}: {plural(int(count), 'issue')}, {text}" if count is not None else f"{name}: {text}"
    )


def indexes(ctx: Context) -> Check:
    invalid = ctx.conn.execute(
        "select n.nspname || '.' || c.relname from pg_index x "
        "join pg_class c on c.oid = x.indexrelid join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = any(%s) and not x.indisvalid order by 1",
        (list(ctx.schemas),),
    ).fetchall()
    unused = ctx.conn.execute(
        "select s.schemaname || '.' || s.indexrelname || ' on ' || s.relname from "
        "pg_stat_user_indexes s join pg_index x on x.indexrelid = s.indexrelid "
        "where s.schemaname = any(%s) and s.idx_scan = 0 and not x.indisunique "
        "and not x.indisprimary and x.indisvalid order by 1",
        (list(ctx.schemas),),
    ).fetchall()
    details = tuple(
        f"invalid: {r[0]} (a failed concurrent build; drop and rebuild it)" for r in invalid
    ) + tuple(f"never scanned: {r[0]}" for r in unused)
    if invalid:
        return Check("indexes", PROBLEM, f"{len(invalid)} invalid, {len(unused)} unused", details)
    if unused:
        return Check(
            "indexes", WARNING, f"{len(unused)} never scanned since statistics reset", details
        )
    return Check("indexes", OK, "no invalid or unused indexes")


def row_level_security(ctx: Context) -> Check:
    rows = ctx.conn.execute(
        "select n.nspname || '.' || c.relname, c.relrowsecurity from pg_class c "
        "join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = any(%s) and c.relkind in ('r', 'p') and not c.relispartition "
        "and not c.relrowsecurity order by 1",
        (list(ctx.schemas),),
    ).fetchall()
    if rows:
        return Check(
            "rls",
            PROBLEM,
            f"{plural(len(rows), 'table')} without row level security",
            tuple(r[0] for r in rows),
        )
    return Check("rls", OK, "every table has row level security enabled")


def activity(ctx: Context) -> Check:
    long = ctx.conn.execute(
        "select pid, usename, state, extract(epoch from now() - xact_start)::int, "
        "left(regexp_replace(query, '\\s+', ' ', 'g'), 80) from pg_stat_activity "
        "where datname = current_database() and pid <> pg_backend_pid() "
        "and xact_start < now() - make_interval(secs => %s) order by xact_start",
        (ctx.long_after_s,),
    ).fetchall()
    waiting = ctx.conn.execute(
        "select a.pid, extract(epoch from now() - a.query_start)::int, "
        "pg_blocking_pids(a.pid), left(regexp_replace(a.query, '\\s+', ' ', 'g'), 80) "
        "from pg_stat_activity a where a.datname = current_database() "
        "and a.wait_event_type = 'Lock' "
        "and a.query_start < now() - make_interval(secs => %s) order by a.query_start",
        (ctx.long_after_s,),
    ).fetchall()
    details = tuple(
        f"pid {pid} ({user}, {state}) in a transaction for {secs} s: {query}"
        for pid, user, state, secs, query in long
    ) + tuple(
        f"pid {pid} waiting {secs} s for a lock held by {blockers}: {query}"
        for pid, secs, blockers, query in waiting
    )
    if details:
        return Check(
            "activity",
            PROBLEM,
            f"{len(long)} long transaction(s), {len(waiting)} long lock wait(s) "
            f"(over {ctx.long_after_s} s)",
            details,
        )
    return Check("activity", OK, f"no transaction or lock wait over {ctx.long_after_s} s")


CHECKS: tuple[Callable[[Context], Check], ...] = (
    connectivity,
    migrations,
    integrity,
    indexes,
    row_level_security,
    activity,
)


def run_checks(ctx: Context) -> list[Check]:
    out = []
    for check in CHECKS:
        try:
            out.append(check(ctx))
        except psycopg.Error as error:
            with contextlib.suppress(psycopg.Error):
                ctx.conn.rollback()
            out.append(Check(check.__name__, PROBLEM, f"the check failed: {error}"))
    return out
