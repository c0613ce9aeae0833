"""The registry of kinds (catalog/kinds.py) against everything that reads it: every field of
the snapshot, every kind the differ diffs, and the cache's revision."""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.differences import NOT_COMPARED, ObjectRef
from creo_schema.catalog.kinds import (
    KIND_SPECS,
    SNAPSHOT_FIELDS,
    ObjectKind,
    catalog_inputs,
    catalog_revision,
    kind_of_object_type,
    noun,
    revision,
    spec,
)
from creo_schema.catalog.model import Schema
from creo_schema.catalog.reader import KINDS, snapshot_sql
from creo_schema.diff.differ import KIND_LIST
from creo_schema.diff.differ import KINDS as DIFFER_KINDS
from creo_schema.plan.cache import cache_revision

# CatalogSnapshot's fields that are facts of the read, not kinds of row.
_HEADER = {"server_version", "current_user", "schema_names", "platform"}


def test_every_snapshot_field_is_registered() -> None:
    fields = {f.name: f for f in dataclasses.fields(CatalogSnapshot)}
    assert set(fields) - _HEADER == set(SNAPSHOT_FIELDS)
    for name, field in SNAPSHOT_FIELDS.items():
        assert fields[name].type == f"tuple[{field.row.__name__}, ...]", name


def test_every_query_file_exists_and_names_the_row_fields() -> None:
    folder = resources.files("creo_schema.catalog").joinpath("sql")
    for field in SNAPSHOT_FIELDS.values():
        if field.query_file is None:
            continue
        text = folder.joinpath(field.query_file).read_text(encoding="utf-8")
        assert text.strip(), field.name
    # Each field of each row class is a column the one statement aggregates.
    sql = snapshot_sql(tuple(KINDS), 18)
    for name, row in KINDS.items():
        for f in dataclasses.fields(row):
            assert f'json_agg(k."{f.name}")' in sql, (name, f.name)


def test_reader_reads_in_reporting_order() -> None:
    # compare() and the digest list kinds in this order: moving one changes their output.
    assert list(KINDS)[:9] == [
        "schemas",
        "extensions",
        "collations",
        "enums",
        "domains",
        "composite_types",
        "ranges",
        "sequences",
        "relations",
    ]
    assert list(KINDS)[-3:] == ["dependencies", "unmodeled", "type_refs"]
    assert "roles" not in KINDS  # read apart, by catalog/roles.py


def test_differences_name_each_kind_by_its_noun() -> None:
    """catalog/differences.py names a difference's kind by the registry's noun."""
    compared = [k for k in KINDS if k not in NOT_COMPARED]
    assert all(ObjectRef(k, "x").noun == noun(k) for k in compared)
    assert noun("relations") == "relation"
    assert noun("foreign_servers") == "server"
    assert noun("comments") == "comment on"


def test_every_kind_is_diffed_once() -> None:
    """Each registered kind has exactly one class of rules, and each class a kind."""
    names = [kind.name for kind in KIND_LIST]
    assert len(names) == len(set(names))
    own = {k for k, s in KIND_SPECS.items() if s.diffed_as is None}
    assert set(names) == own
    assert set(DIFFER_KINDS) == set(ObjectKind)
    assert DIFFER_KINDS["materialized view"] is DIFFER_KINDS[ObjectKind.VIEW]
    for kind in KIND_LIST:
        assert kind.rank == spec(kind.name).rank, kind.name
        assert spec(kind.name).snapshot in SNAPSHOT_FIELDS


def test_kinds_are_their_names() -> None:
    """Members compare, hash and print as the strings plans have always carried."""
    assert ObjectKind.MATERIALIZED_VIEW == "materialized view"
    assert {ObjectKind.TABLE: 1}["table"] == 1
    assert f"{ObjectKind.VIEW_COLUMN}" == "view column"
    assert spec("materialized view").noun == "materialized view"
    assert spec("table").row.__name__ == "Relation"
    with pytest.raises(ValueError):
        spec("tables")


def test_what_the_specs_say() -> None:
    dropping_loses = {k for k, s in KIND_SPECS.items() if s.holds_data}
    assert dropping_loses == {"table", "column", "sequence", "extension", "materialized view"}
    blocking = {k for k, s in KIND_SPECS.items() if s.blocks_column_changes}
    assert {"view", "materialized view", "policy", "trigger", "rule", "default"} <= blocking
    assert "index" not in blocking  # the server rebuilds an index itself
    assert spec("materialized view").acl_type == "tables"
    assert spec("column").acl_type is None  # a column's grants are its table's


def test_object_types_are_pglasts() -> None:
    from pglast.enums import ObjectType

    named = [name for s in KIND_SPECS.values() for name in s.object_types]
    assert len(named) == len(set(named))  # each names one kind
    assert all(name in ObjectType.__members__ for name in named)
    assert kind_of_object_type(ObjectType.OBJECT_MATVIEW.name) == "materialized view"
    assert kind_of_object_type(ObjectType.OBJECT_FOREIGN_TABLE.name) == "table"
    assert kind_of_object_type(ObjectType.OBJECT_TYPE.name) is None  # enum, composite, range


# The cache's revision ----------------------------------------------------------------------


def _row(*more: tuple[str, type] | tuple[str, type, object]) -> type:
    """A row class named `Row` with a name, an owner and `more` fields."""
    return dataclasses.make_dataclass("Row", [("name", str), ("owner", str), *more], frozen=True)


def test_revision_follows_the_query_texts() -> None:
    queries, rows = catalog_inputs()
    assert revision(queries, rows) == catalog_revision()
    changed = [
        (name, text + " ") if name == "sql/relations.sql" else (name, text)
        for name, text in queries
    ]
    assert revision(changed, rows) != catalog_revision()


def test_revision_follows_the_row_fields() -> None:
    queries = [("sql/x.sql", "select 1")]
    base = revision(queries, [_row()])
    assert revision(queries, [_row()]) == base
    assert revision(queries, [_row(("comment", str, ""))]) != base  # a field added
    assert revision(queries, [_row(("comment", int, 0))]) != revision(
        queries, [_row(("comment", str, 0))]
    )  # a field's type
    compared = _row(("oid", int, dataclasses.field(default=0)))
    uncompared = _row(("oid", int, dataclasses.field(default=0, compare=False)))
    assert revision(queries, [compared]) != revision(queries, [uncompared])


def test_the_catalog_revision_covers_every_query_and_row() -> None:
    queries, rows = catalog_inputs()
    files = {name for name, _ in queries}
    for field in SNAPSHOT_FIELDS.values():
        if field.query_file is not None:
            assert f"sql/{field.query_file}" in files, field.name
        assert field.row in rows
    assert "signature.sql" in files  # the target's catalog signature keys its inspection
    assert Schema in rows


def test_the_cache_revision_is_the_catalogs_and_more() -> None:
    assert len(cache_revision()) == 64
    assert cache_revision() != catalog_revision()


def test_every_kind_has_a_table_driven_case() -> None:
    """tests/unit/test_kinds_{types,tables,database}.py diff each kind in memory."""
    from tests.unit import test_kinds_database, test_kinds_tables, test_kinds_types

    cases = test_kinds_types.CASES + test_kinds_tables.CASES + test_kinds_database.CASES
    assert {step[1] for case in cases for step in case.up} == set(ObjectKind)
