"""Which tables `apply --backup changed` backs up, and which old backups cleanup removes.

Pure functions: no database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from creo_schema.apply.recorded import planned_from_sql
from creo_schema.backup.scope import BackupScope, TargetFacts, tables_at_risk
from creo_schema.backup.store import BackupMeta, choose_cleanup
from creo_schema.plan_document import PlannedStatement

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


def scope(*statements: PlannedStatement) -> BackupScope:
    return tables_at_risk(statements, FACTS)


def drop(kind: str, target: str, table: str = "") -> PlannedStatement:
    """A data-losing statement as the differ plans it (plan/statements.py)."""
    return PlannedStatement(
        sql=f"drop {kind} {target}",
        kind=kind,
        action="drop",
        target=target,
        table=table,
        hazards=("deletes_data",),
    )


def test_nothing_that_deletes_data_needs_no_backup() -> None:
    found = scope(
        PlannedStatement(sql="create table public.t (id int)", kind="table", action="create"),
        PlannedStatement(
            sql="drop index public.i", kind="index", action="drop", hazards=("index_dropped",)
        ),
    )
    assert not found.needed and found.tables == () and not found.everything


def test_a_dropped_table_and_the_tables_referencing_it() -> None:
    found = scope(drop("table", "public.orders"))
    assert found.tables == ("public.order_items", "public.orders")
    assert found.reasons["public.orders"] == "dropped"
    assert "references" in found.reasons["public.order_items"]
    # the parent it references loses nothing and is not needed to restore
    assert "public.users" not in found.tables


def test_a_dropped_or_narrowed_column_covers_its_table_only() -> None:
    found = scope(
        drop("column", "public.notes.body", "public.notes"),
        PlannedStatement(
            sql="alter table billing.lines alter column qty type smallint",
            kind="column",
            action="alter",
            target="billing.lines.qty",
            table="billing.lines",
            hazards=("deletes_data", "rewrites_table"),
        ),
    )
    assert found.tables == ("billing.lines", "public.notes")


def test_a_dropped_sequence_covers_its_owner() -> None:
    assert scope(drop("sequence", "public.notes_id_seq")).tables == ("public.notes",)


def test_a_dropped_materialized_view_needs_no_backup() -> None:
    assert not scope(drop("materialized view", "public.totals")).needed


def test_deleted_rows_cover_their_table() -> None:
    found = scope(drop("row", "billing.lines", "billing.lines"))
    assert found.tables == ("billing.lines",)


def test_quoted_names_are_matched_unquoted() -> None:
    facts = TargetFacts(schemas=frozenset({"public"}), tables={'public.My "T"': frozenset()})
    found = tables_at_risk([drop("table", 'public."My ""T"""')], facts)
    assert found.tables == ('public.My "T"',)


def test_what_cannot_be_attributed_backs_up_everything() -> None:
    for statement in (
        drop("table", "public.orders_2024"),  # not a table the backup reads (a partition)
        drop("extension", "citext"),
        drop("sequence", "public.free_standing_seq"),  # owned by no table
        *planned_from_sql('drop schema "other"'),  # known only as SQL text, no table
    ):
        found = scope(statement)
        assert found.everything, statement
        assert found.tables == tuple(sorted(FACTS.tables))
        assert "cannot tell" in found.reasons["*"]


def test_a_rollback_recorded_as_text_is_attributed_by_its_table() -> None:
    found = scope(*planned_from_sql('drop table "public"."orders"'))
    assert found.tables == ("public.order_items", "public.orders")
    assert found.reasons["public.orders"] == "dropped"


def test_one_unattributable_statement_among_others_backs_up_everything() -> None:
    found = scope(drop("table", "public.notes"), drop("extension", "citext"))
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
