"""A target's copy keeps only the column options a user can set (shadow/clone.py): a stamp
the server set itself (Debian's 15.20: `pg_attver`) is refused by a shadow of another
release, and is no part of the schema (issue 22, item 9)."""

from __future__ import annotations

from creo_schema.shadow.clone import _without_server_column_options

DUMP = """\
CREATE TABLE public.items (
    id bigint NOT NULL
);
ALTER TABLE ONLY public.items ALTER COLUMN id SET (pg_attver=26660264);
ALTER TABLE ONLY public.items ALTER COLUMN qty SET (pg_attver=26660264, n_distinct=10);
ALTER TABLE ONLY public."odd SET (x" ALTER COLUMN "a SET (b" SET (n_distinct_inherited=-0.5, pg_attver=1);
ALTER FOREIGN TABLE ONLY public.remote ALTER COLUMN v SET (pg_attver=7);
COMMENT ON COLUMN public.items.id IS 'ALTER TABLE ONLY x ALTER COLUMN y SET (pg_attver=1);';
"""


def test_only_the_users_column_options_are_copied() -> None:
    assert _without_server_column_options(DUMP).splitlines() == [
        "CREATE TABLE public.items (",
        "    id bigint NOT NULL",
        ");",
        "",
        "ALTER TABLE ONLY public.items ALTER COLUMN qty SET (n_distinct=10);",
        'ALTER TABLE ONLY public."odd SET (x" ALTER COLUMN "a SET (b" SET (n_distinct_inherited=-0.5);',
        "",
        "COMMENT ON COLUMN public.items.id IS 'ALTER TABLE ONLY x ALTER COLUMN y SET (pg_attver=1);';",
    ]
