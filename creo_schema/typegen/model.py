"""What both generators need, resolved once from a catalog snapshot: tables, views and
functions of the generated schemas with each type reduced to a `TypeShape`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.model import Column, Function, Relation, TypeRef


@dataclass(frozen=True)
class TypeShape:
    """A type as a language sees it."""

    kind: str  # base | enum | composite | row | unknown
    name: str  # base type name (int4, text, ...) or the enum/composite/relation name
    schema: str = ""
    array: int = 0  # array dimensions
    not_null: bool = False  # a NOT NULL domain
    relation_kind: str = ""  # Tables | Views, for kind == "row"


@dataclass(frozen=True)
class Field:
    name: str
    shape: TypeShape
    nullable: bool
    has_default: bool
    identity_always: bool
    identity: bool


@dataclass(frozen=True)
class Arg:
    name: str
    shape: TypeShape
    has_default: bool


@dataclass(frozen=True)
class Routine:
    name: str
    args: tuple[Arg, ...]
    table_columns: tuple[tuple[str, TypeShape], ...]  # RETURNS TABLE (...)
    returns: TypeShape
    returns_set: bool


class Resolver:
    def __init__(self, snap: CatalogSnapshot) -> None:
        self.snap = snap
        self.refs: dict[int, TypeRef] = {t.oid: t for t in snap.type_refs}
        self.relations: dict[int, Relation] = {r.oid: r for r in snap.relations}
        self.enums = {(e.schema, e.name): e for e in snap.enums}
        self.columns: dict[tuple[str, str], list[Column]] = defaultdict(list)
        for c in snap.columns:
            self.columns[(c.schema, c.table)].append(c)

    def shape(self, oid: int) -> TypeShape:
        ref = self.refs.get(oid)
        if ref is None:
            return TypeShape("unknown", "")
        if ref.category == "A" and ref.element_oid:
            inner = self.shape(ref.element_oid)
            return TypeShape(
                inner.kind,
                inner.name,
                inner.schema,
                inner.array + 1,
                relation_kind=inner.relation_kind,
            )
        if ref.kind == "d" and ref.base_oid:
            base = self.shape(ref.base_oid)
            return TypeShape(
                base.kind, base.name, base.schema, base.array, ref.not_null, base.relation_kind
            )
        if ref.kind == "e":
            return TypeShape("enum", ref.name, ref.schema)
        if ref.kind == "c":
            rel = self.relations.get(ref.relation_oid)
            if rel is not None:
                return TypeShape(
                    "row", rel.name, rel.schema, relation_kind="Tables" if rel.is_table else "Views"
                )
            return TypeShape("composite", ref.name, ref.schema)
        return TypeShape("base", ref.name, ref.schema)

    def fields(self, rel: Relation) -> list[Field]:
        out = []
        for c in sorted(self.columns[(rel.schema, rel.name)], key=lambda c: c.name):
            shape = self.shape(c.type_oid)
            nullable = not c.not_null and not shape.not_null
            if not rel.is_table:
                nullable = True  # view columns carry no NOT NULL
            out.append(
                Field(
                    c.name,
                    shape,
                    nullable,
                    c.default is not None,
                    c.identity == "a",
                    c.identity != "",
                )
            )
        return out

    def routines(self, schema: str) -> dict[str, list[Routine]]:
        grouped: dict[str, list[Routine]] = defaultdict(list)
        for fn in sorted(self.snap.functions, key=lambda f: (f.name, f.identity_args)):
            if fn.schema != schema or fn.kind not in ("function", "procedure"):
                continue
            routine = self._routine(fn)
            if routine is not None:
                grouped[fn.name].append(routine)
        return dict(sorted(grouped.items()))

    def _routine(self, fn: Function) -> Routine | None:
        modes = fn.arg_modes or ("i",) * len(fn.arg_type_oids)
        names = fn.arg_names or ("",) * len(fn.arg_type_oids)
        inputs = [
            (n, t)
            for n, t, m in zip(names, fn.arg_type_oids, modes, strict=False)
            if m in ("i", "b", "v")
        ]
        table = tuple(
            (n, self.shape(t))
            for n, t, m in zip(names, fn.arg_type_oids, modes, strict=False)
            if m == "t"
        )
        if any(not n for n, _ in inputs):
            lone = len(inputs) == 1 and self.shape(inputs[0][1]).name in ("json", "jsonb", "text")
            if not lone:
                return None
        first_default = len(inputs) - fn.default_count
        args = tuple(Arg(n, self.shape(t), i >= first_default) for i, (n, t) in enumerate(inputs))
        return Routine(
            fn.name,
            tuple(sorted(args, key=lambda a: a.name)),
            table,
            self.shape(fn.return_type_oid),
            fn.returns_set,
        )
