"""Drift for CI: markdown and GitHub annotations point at the declaring file and line."""

from __future__ import annotations

from datetime import UTC, datetime

from creo_schema.drift_report import drift_items, render_github, render_markdown
from creo_schema.plan.model import Plan, PlannedStatement
from creo_schema.source.model import SourceFile, SourceSet
from creo_schema.source.parse import parse_files

SCHEMA = {
    "schema/tables/orders.sql": (
        "-- orders\ncreate table public.orders (id bigint primary key, total numeric);\n"
        "alter table public.orders enable row level security;\n"
    ),
    "schema/policies/orders.sql": (
        'create policy "orders: read" on public.orders for select to authenticated using (true);\n'
    ),
}
DRIFT = (
    'alter table "public"."orders" alter column "total" set data type numeric(12,2)',
    'create policy "orders: read" on "public"."orders" as permissive for select to authenticated using (true)',
    'drop table "public"."sneaked_in"',
    'grant select on table "public"."orders" to "authenticated"',
)


def _plan(statements: tuple[str, ...]) -> Plan:
    return Plan(
        created_at=datetime(1970, 1, 1, tzinfo=UTC),
        target="postgresql://creo:***@db.example.com:5432/postgres",
        server_major=17,
        platform="supabase",
        managed_schemas=("public",),
        source_fingerprint="s",
        target_fingerprint="t",
        desired_fingerprint="d",
        statements=tuple(PlannedStatement(sql=s) for s in statements),
        rollback=(),
    )


def _source() -> SourceSet:
    files = tuple(SourceFile(path, text) for path, text in SCHEMA.items())
    return SourceSet("schema", files, tuple(parse_files(files)))


def test_each_statement_is_mapped_to_its_declaration() -> None:
    items = drift_items(_plan(DRIFT), _source())
    assert [(i.object, i.action, str(i.location) if i.location else None) for i in items] == [
        ("public.orders", "alter", "schema/tables/orders.sql:2:1"),
        ('policy "orders: read" on public.orders', "create", "schema/policies/orders.sql:1:1"),
        ("public.sneaked_in", "drop", None),
        ("public.orders", "grant", "schema/tables/orders.sql:2:1"),
    ]


def test_github_annotations() -> None:
    lines = render_github(_plan(DRIFT), _source()).splitlines()
    assert lines[0] == (
        "::error file=schema/tables/orders.sql,line=2,col=1,title=drift%3A public.orders::"
        "the database differs from this declaration; alter needed: "
        'alter table "public"."orders" alter column "total" set data type numeric(12,2)'
    )
    assert lines[2].startswith("::error title=drift%3A public.sneaked_in::postgresql://creo:***@")
    assert "has an object schema/ does not declare" in lines[2]
    assert render_github(_plan(()), _source()).startswith("::notice title=creo-schema drift::")


def test_markdown_summary() -> None:
    text = render_markdown(_plan(DRIFT), _source())
    assert "needs 4 statements to match `schema/`" in text
    assert "| public.orders | `schema/tables/orders.sql:2` |" in text
    assert "| public.sneaked_in | not declared (would be dropped) |" in text
    assert "```sql\n" in text and "</details>" in text
    assert "in sync" in render_markdown(_plan(()), _source())
