"""Which tables `apply --backup changed` backs up, and which old backups cleanup removes.

Pure functions: no database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from creo_schema.backup.scope import BackupScope, TargetFacts, tables_at_risk
from creo_schema.backup.store import BackupMeta, choose_cleanup
from creo_schema.plan.statements import planned_from_sql

FACTS = TargetFacts(
    schemas=frozenset({"public", "billing"}),
    tables={
        "public.users": frozenset(),
        "public.orders": frozenset({"public.users"}),
        "public.order_items": frozenset({"public.orders"}),
        "public.notes": frozenset(),
        "billing.invoices": frozenset(),
        "billing.lines": frozenset({"billing.invoices"}),
    },
    type_users={
        "public.status": frozenset({"public.orders"}),
        "public.email": frozenset({"public.users", "billing.invoices"}),
    },
    sequence_owners={"public.notes_id_seq": "public.notes"},
)


def scope(sql: str) -> BackupScope:
    return tables_at_risk(planned_from_sql(sql), FACTS)


def test_nothing_that_deletes_data_needs_no_backup() -> None:
    found = scope(
        'create table "public"."t" (id int); alter table "public"."notes" add column x int; '
        'create index "i" on "public"."notes" (x); drop index "public"."i";'
    )
    assert not found.needed and found.tables == () and not found.everything


def test_a_dropped_table_and_the_tables_referencing_it() -> None:
    found = scope('drop table "public"."orders"')
    assert found.tables == ("public.order_items", "public.orders")
    assert found.reasons["public.orders"] == "dropped"
    assert "references" in found.reasons["public.order_items"]
    # the parent it references loses nothing and is not needed to restore
    assert "public.users" not in found.tables


def test_a_dropped_or_narrowed_column_covers_its_table_only() -> None:
    found = scope(
        'alter table "public"."notes" drop column "body"; '
        'alter table "billing"."lines" alter column "qty" type smallint'
    )
    assert found.tables == ("billing.lines", "public.notes")


def test_a_dropped_schema_covers_its_managed_tables() -> None:
    found = scope('drop schema "billing" cascade')
    assert found.tables == ("billing.invoices", "billing.lines")


def test_a_dropped_type_or_domain_covers_the_tables_using_it() -> None:
    found = scope('drop type "public"."status"; drop domain "public"."email"')
    assert found.tables == (
        "billing.invoices",
        "billing.lines",  # references billing.invoices
        "public.order_items",  # references public.orders
        "public.orders",
        "public.users",
    )
    assert found.reasons["public.orders"] == "has a column of dropped type public.status"


def test_a_dropped_type_nobody_uses_needs_no_backup() -> None:
    assert not scope('drop type "public"."unused"').needed


def test_a_dropped_sequence_covers_its_owner() -> None:
    assert scope('drop sequence "public"."notes_id_seq"').tables == ("public.notes",)


def test_a_dropped_materialized_view_needs_no_backup() -> None:
    assert not scope('drop materialized view "public"."totals"').needed


def test_truncate_and_delete_cover_their_tables() -> None:
    found = scope('truncate "public"."notes"; delete from "billing"."lines" where true')
    assert found.tables == ("billing.lines", "public.notes")


def test_what_cannot_be_attributed_backs_up_everything() -> None:
    for sql in (
        "drop table orders",  # unqualified: depends on search_path
        'drop table "public"."orders_2024"',  # not a table the backup reads (a partition)
        'drop extension "citext"',
        'drop sequence "public"."free_standing_seq"',  # owned by no table
        'drop schema "other"',  # not managed
        'drop type "status"',
    ):
        found = scope(sql)
        assert found.everything, sql
        assert found.tables == tuple(sorted(FACTS.tables))
        assert "cannot tell" in found.reasons["*"]


def test_one_unattributable_statement_among_others_backs_up_everything() -> None:
    found = scope('drop table "public"."notes"; drop extension "citext"')
    assert found.everything


def _meta(backup_id: str, age_days: float, base: str | None = None) -> BackupMeta:
    created = datetime(2026, 1, 31, tzinfo=UTC) - timedelta(days=age_days)
    return BackupMeta(
        id=backup_id,
        created_at=created.isoformat(),
        tool_version="0",
        server_version=180000,
        database="postgresql://x/y",
        managed_schemas=["public"],
        schema_fingerprint="f",
        kind="incremental" if base else "full",
        base=base,
        migration=None,
        snapshot_xmin=1,
    )


def test_cleanup_keeps_referenced_backups_and_the_bases_kept_ones_need() -> None:
    now = datetime(2026, 1, 31, tzinfo=UTC)
    backups = [
        _meta("old_full", 40),
        _meta("old_inc", 39, base="old_full"),
        _meta("referenced_base", 38),
        _meta("referenced", 37, base="referenced_base"),
        _meta("lonely", 36),
        _meta("recent_base", 35),
        _meta("recent", 1, base="recent_base"),
    ]
    choice = choose_cleanup(backups, now - timedelta(days=30), {"referenced": [3, 5]})
    assert choice.remove == ["old_full", "old_inc", "lonely"]
    assert choice.kept == {
        "referenced": "referenced by migration 3, 5 in the target's history",
        "referenced_base": "the base of kept backup referenced",
        "recent_base": "the base of kept backup recent",
    }
    forced = choose_cleanup(backups, now - timedelta(days=30), {})
    assert forced.remove == ["old_full", "old_inc", "referenced_base", "referenced", "lonely"]
