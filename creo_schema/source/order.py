"""Load order from the statements' own dependencies, so files may be split and named freely.

A topological sort (Kahn) over "statement B references a name statement A creates"; among
the statements that are ready, the one of the earliest kind rank, then the earliest place in
the files, goes first, which keeps the order stable and close to what was written.
"""

from __future__ import annotations

import heapq

from creo_schema.errors import InputError
from creo_schema.source.model import Statement

# What can go first when nothing else decides: the platform's objects before the app's,
# types before tables, tables before what is built on them, data last.
KIND_RANK = {
    "CreateExtensionStmt": 0,
    "CreateSchemaStmt": 0,
    "CreateEnumStmt": 1,
    "CreateDomainStmt": 1,
    "CompositeTypeStmt": 1,
    "DefineStmt": 1,
    "CreateSeqStmt": 2,
    # A domain's constraints before the columns that use it: PostgreSQL cannot add one to a
    # domain an array column already uses (pull writes them as ALTER DOMAIN ADD CONSTRAINT).
    # With the sequences, not before them: a domain's default may call nextval on one.
    "AlterDomainStmt": 2,
    "CreateFunctionStmt": 3,
    "CreateStmt": 4,
    "AlterSeqStmt": 5,
    "AlterTableStmt": 5,
    "ViewStmt": 6,
    "CreateTableAsStmt": 6,
    "IndexStmt": 7,
    "CreateTrigStmt": 8,
    "CreatePolicyStmt": 8,
    "GrantStmt": 9,
    "AlterDefaultPrivilegesStmt": 9,
    "CommentStmt": 9,
    "InsertStmt": 10,
    "UpdateStmt": 10,
}
DEFAULT_RANK = 5

# What ALTER DEFAULT PRIVILEGES acts on: an object it governs gets the default's grants only
# when created after it, as psql would run the files (issue 23: a table created before the
# default was loaded without its grants, and a REVOKE of them then planned nothing).
_GOVERNED = frozenset(
    {
        "CreateStmt",
        "ViewStmt",
        "CreateTableAsStmt",
        "CreateForeignTableStmt",
        "CreateSeqStmt",
        "CreateFunctionStmt",
        "DefineStmt",
        "CreateEnumStmt",
        "CreateDomainStmt",
        "CompositeTypeStmt",
        "CreateRangeStmt",
        "CreateSchemaStmt",
    }
)


# What a statement written before a CREATE TABLE ... (LIKE t) may add to t that LIKE copies:
# it must have run, as in psql, or the copy lacks it (issue 23: an index on t declared by
# its own statement was loaded after the copy, which then had none).
_ATTACHING = frozenset({"IndexStmt", "AlterTableStmt", "CommentStmt", "CreateStatsStmt"})


def load_order(statements: list[Statement]) -> list[Statement]:
    creator: dict[str, int] = {}
    for i, statement in enumerate(statements):
        for name in statement.creates:
            creator.setdefault(name, i)
    needs: list[set[int]] = []
    defaults: list[int] = []  # the ALTER DEFAULT PRIVILEGES seen so far, in file order
    for i, statement in enumerate(statements):
        deps = {creator[name] for name in statement.references if name in creator}
        if statement.kind in _GOVERNED:
            deps.update(defaults)
        elif statement.kind == "AlterDefaultPrivilegesStmt":
            defaults.append(i)
        deps.discard(i)
        needs.append(deps)
    for i, statement in enumerate(statements):
        if statement.copies:
            _copy_in_place(statements, needs, i)
    _keys_before_foreign_keys(statements, needs)
    dependents: list[list[int]] = [[] for _ in statements]
    for i, deps in enumerate(needs):
        for dep in deps:
            dependents[dep].append(i)
    waiting = [len(deps) for deps in needs]
    ready = [(_rank(statements[i]), i) for i in range(len(statements)) if waiting[i] == 0]
    heapq.heapify(ready)
    ordered: list[Statement] = []
    while ready:
        _, i = heapq.heappop(ready)
        ordered.append(statements[i])
        for j in dependents[i]:
            waiting[j] -= 1
            if waiting[j] == 0:
                heapq.heappush(ready, (_rank(statements[j]), j))
    if len(ordered) < len(statements):
        raise _cycle_error(statements, needs, {i for i, w in enumerate(waiting) if w})
    return ordered


def _copy_in_place(statements: list[Statement], needs: list[set[int]], i: int) -> None:
    """CREATE TABLE ... (LIKE t) at `i` copies t as the statements written before it left it:
    those that add to t run before it, those written after it run after it."""
    copied = set(statements[i].copies)
    for j, other in enumerate(statements):
        if j == i or other.kind not in _ATTACHING or not copied & set(other.references):
            continue
        if j < i:
            needs[i].add(j)
        else:
            needs[j].add(i)


def _keys_before_foreign_keys(statements: list[Statement], needs: list[set[int]]) -> None:
    """A foreign key needs a unique key on the columns it references: every statement that
    gives the referenced table a key (its CREATE TABLE's primary key, a later ALTER TABLE ...
    ADD UNIQUE, a CREATE UNIQUE INDEX) runs first, wherever it is written."""
    givers: dict[str, list[int]] = {}
    for i, statement in enumerate(statements):
        for table in statement.keys:
            givers.setdefault(table, []).append(i)
    for i, statement in enumerate(statements):
        for table in statement.key_refs:
            needs[i].update(j for j in givers.get(table, ()) if j != i)


def _rank(statement: Statement) -> int:
    return KIND_RANK.get(statement.kind, DEFAULT_RANK)


def _cycle_error(statements: list[Statement], needs: list[set[int]], stuck: set[int]) -> InputError:
    """Name one cycle among the statements that never became ready."""
    start = min(stuck)
    path = [start]
    seen = {start: 0}
    current = start
    while True:
        current = min(dep for dep in needs[current] if dep in stuck)
        if current in seen:
            cycle = [*path[seen[current] :], current]
            break
        seen[current] = len(path)
        path.append(current)
    described = " -> ".join(f"{_named(statements[i])} ({statements[i].location})" for i in cycle)
    first = statements[cycle[0]]
    return InputError(f"dependency cycle: {described}", location=first.location)


def _named(statement: Statement) -> str:
    """A statement in a cycle by what it creates (a routine with its argument types)."""
    return statement.signature or (statement.creates or (statement.kind,))[0]
