"""TypeScript types in the shape `supabase gen types typescript` emits (SUPABASE.md §9).

The text is written as prettier (`semi: false`, width 80) would print it, so a project
can switch between this and Supabase's generator with a small diff. Not emitted: views'
inferred relationships, computed fields, `SetofOptions` on functions returning a table's rows.
"""

from __future__ import annotations

import json

from creo_schema.catalog import CatalogSnapshot
from creo_schema.typegen.model import Field, Resolver, Routine, TypeShape

WIDTH = 80
NUMBER = {"int2", "int4", "int8", "float4", "float8", "numeric"}
STRING = {
    "bytea",
    "bpchar",
    "varchar",
    "text",
    "citext",
    "date",
    "time",
    "timetz",
    "timestamp",
    "timestamptz",
    "uuid",
    "interval",
    "vector",
    "name",
}
NEVER = "[_ in never]: never"

HEADER = """export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]
"""


def q(text: str) -> str:
    return json.dumps(text)


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, indent: int, text: str) -> None:
        self.lines.append("  " * indent + text)

    def prop(self, indent: int, name: str, members: list[str]) -> None:
        """`name: A | B`, broken one member a line when too wide (prettier's union style)."""
        one = f"{name}: {' | '.join(members)}"
        if len("  " * indent + one) <= WIDTH or len(members) == 1:
            self.add(indent, one)
            return
        self.add(indent, f"{name}:")
        for member in members:
            self.add(indent + 1, f"| {member}")

    def block(self, indent: int, name: str, body: list[tuple[str, list[str]]]) -> None:
        if not body:
            self.add(indent, f"{name}: {{")
            self.add(indent + 1, NEVER)
            self.add(indent, "}")
            return
        self.add(indent, f"{name}: {{")
        for key, members in body:
            self.prop(indent + 1, key, members)
        self.add(indent, "}")


def ts_type(shape: TypeShape, schemas: set[str], r: Resolver) -> str:
    if shape.kind == "enum":
        if shape.schema in schemas:
            text = f'Database[{q(shape.schema)}]["Enums"][{q(shape.name)}]'
        else:
            labels = r.enums.get((shape.schema, shape.name))
            text = " | ".join(q(x) for x in labels.labels) if labels else "unknown"
    elif shape.kind == "composite":
        text = (
            f'Database[{q(shape.schema)}]["CompositeTypes"][{q(shape.name)}]'
            if shape.schema in schemas
            else "unknown"
        )
    elif shape.kind == "row":
        text = (
            f'Database[{q(shape.schema)}][{q(shape.relation_kind)}][{q(shape.name)}]["Row"]'
            if shape.schema in schemas
            else "unknown"
        )
    elif shape.kind == "base":
        text = (
            "boolean"
            if shape.name == "bool"
            else "number"
            if shape.name in NUMBER
            else "string"
            if shape.name in STRING
            else "Json"
            if shape.name in ("json", "jsonb")
            else "undefined"
            if shape.name == "void"
            else "Record<string, unknown>"
            if shape.name == "record"
            else "unknown"
        )
    else:
        text = "unknown"
    for _ in range(shape.array):
        text = f"({text})[]" if " | " in text else f"{text}[]"
    return text


def _column(f: Field, schemas: set[str], r: Resolver, mode: str) -> tuple[str, list[str]]:
    name = q(f.name) if not f.name.isidentifier() else f.name
    t = ts_type(f.shape, schemas, r)
    if mode != "Row" and f.identity_always:
        return f"{name}?", ["never"]
    members = [t, "null"] if f.nullable and t != "unknown" else [t]
    if mode == "Row":
        return name, members
    optional = mode == "Update" or f.nullable or f.identity or f.has_default
    return (f"{name}?" if optional else name), members


def generate(snap: CatalogSnapshot, schemas: tuple[str, ...]) -> str:
    r = Resolver(snap)
    wanted = set(schemas)
    out = _Out()
    out.lines += HEADER.splitlines()
    out.add(0, "")
    out.add(0, "export type Database = {")
    for schema in sorted(wanted):
        out.add(1, f"{schema}: {{")
        _tables(out, r, schema, wanted)
        _views(out, r, schema, wanted)
        _functions(out, r, schema, wanted)
        enums = sorted((e for e in snap.enums if e.schema == schema), key=lambda e: e.name)
        out.block(2, "Enums", [(e.name, [q(x) for x in e.labels]) for e in enums])
        composites = sorted(
            (c for c in snap.composite_types if c.schema == schema), key=lambda c: c.name
        )
        if not composites:
            out.block(2, "CompositeTypes", [])
        else:
            out.add(2, "CompositeTypes: {")
            for c in composites:
                out.add(3, f"{c.name}: {{")
                for name, oid in zip(c.attribute_names, c.attribute_type_oids, strict=True):
                    t = ts_type(r.shape(oid), wanted, r)
                    out.prop(4, name, [t] if t == "unknown" else [t, "null"])
                out.add(3, "}")
            out.add(2, "}")
        out.add(1, "}")
    out.add(0, "}")
    out.add(0, "")
    out.lines += TRAILER.splitlines()
    out.add(0, "")
    _constants(out, snap, sorted(wanted))
    return "\n".join(out.lines) + "\n"


def _tables(out: _Out, r: Resolver, schema: str, wanted: set[str]) -> None:
    tables = sorted(
        (t for t in r.snap.relations if t.schema == schema and t.is_table), key=lambda t: t.name
    )
    if not tables:
        out.block(2, "Tables", [])
        return
    out.add(2, "Tables: {")
    for t in tables:
        fields = r.fields(t)
        out.add(3, f"{t.name}: {{")
        for mode in ("Row", "Insert", "Update"):
            out.block(4, mode, [_column(f, wanted, r, mode) for f in fields])
        _relationships(out, r, t.schema, t.name)
        out.add(3, "}")
    out.add(2, "}")


def _relationships(out: _Out, r: Resolver, schema: str, name: str) -> None:
    fks = sorted(
        (
            c
            for c in r.snap.constraints
            if c.schema == schema
            and c.table == name
            and c.kind == "foreign key"
            and c.ref_schema == schema
        ),
        key=lambda c: (c.name, c.ref_table or ""),
    )
    if not fks:
        out.add(4, "Relationships: []")
        return
    unique = {
        (i.schema, i.table, tuple(i.key_columns))
        for i in r.snap.indexes
        if i.unique and i.predicate is None
    }
    out.add(4, "Relationships: [")
    for fk in fks:
        one = (schema, name, tuple(fk.columns)) in unique
        out.add(5, "{")
        out.add(6, f"foreignKeyName: {q(fk.name)}")
        out.add(6, f"columns: {json.dumps(list(fk.columns))}")
        out.add(6, f"isOneToOne: {'true' if one else 'false'}")
        out.add(6, f"referencedRelation: {q(fk.ref_table or '')}")
        out.add(6, f"referencedColumns: {json.dumps(list(fk.ref_columns))}")
        out.add(5, "},")
    out.add(4, "]")


def _views(out: _Out, r: Resolver, schema: str, wanted: set[str]) -> None:
    views = sorted(
        (v for v in r.snap.relations if v.schema == schema and not v.is_table), key=lambda v: v.name
    )
    if not views:
        out.block(2, "Views", [])
        return
    out.add(2, "Views: {")
    for v in views:
        fields = r.fields(v)
        out.add(3, f"{v.name}: {{")
        out.block(4, "Row", [_column(f, wanted, r, "Row") for f in fields])
        if v.updatable:
            for mode in ("Insert", "Update"):
                out.block(
                    4, mode, [(f"{f.name}?", [ts_type(f.shape, wanted, r), "null"]) for f in fields]
                )
        out.add(4, "Relationships: []")
        out.add(3, "}")
    out.add(2, "}")


def _functions(out: _Out, r: Resolver, schema: str, wanted: set[str]) -> None:
    grouped = r.routines(schema)
    if not grouped:
        out.block(2, "Functions", [])
        return
    out.add(2, "Functions: {")
    for name, routines in grouped.items():
        out.add(3, f"{name}: {{")
        _args(out, routines, wanted, r)
        _returns(out, routines[0], wanted, r)
        out.add(3, "}")
    out.add(2, "}")


def _inline(members: list[str]) -> str:
    return "{ " + "; ".join(members) + " }"


def _args(out: _Out, routines: list[Routine], wanted: set[str], r: Resolver) -> None:
    variants: list[list[str] | None] = []
    for routine in routines:
        if not routine.args:
            variants.append(None)
            continue
        variants.append(
            [
                f"{a.name}{'?' if a.has_default else ''}: {ts_type(a.shape, wanted, r)}"
                for a in routine.args
            ]
        )
    if all(v is None for v in variants):
        out.add(4, "Args: never")
        return
    texts = ["never" if v is None else _inline(v) for v in variants]
    one = f"Args: {' | '.join(texts)}"
    if len("  " * 4 + one) <= WIDTH:
        out.add(4, one)
    elif len(variants) == 1 and variants[0] is not None:
        out.add(4, "Args: {")
        for member in variants[0]:
            out.add(5, member)
        out.add(4, "}")
    else:
        out.add(4, "Args:")
        for v in variants:
            if v is None:
                out.add(5, "| never")
                continue
            text = _inline(v)
            if len("  " * 5 + "| " + text) <= WIDTH:
                out.add(5, f"| {text}")
            else:
                out.add(5, "| {")
                for member in v:
                    out.add(7, member)
                out.add(6, "}")


def _returns(out: _Out, routine: Routine, wanted: set[str], r: Resolver) -> None:
    suffix = "[]" if routine.returns_set else ""
    columns: list[tuple[str, list[str]]] = []
    if routine.table_columns:
        columns = [(n, [ts_type(s, wanted, r)]) for n, s in routine.table_columns]
    elif (
        routine.returns.kind == "row"
        and routine.returns.schema in wanted
        and not (routine.returns.array)
    ):
        rel = next(
            (
                x
                for x in r.snap.relations
                if x.schema == routine.returns.schema and x.name == routine.returns.name
            ),
            None,
        )
        if rel is not None:
            columns = [_column(f, wanted, r, "Row") for f in r.fields(rel)]
    if columns:
        out.add(4, "Returns: {")
        for n, members in columns:
            out.prop(5, n, members)
        out.add(4, "}" + suffix)
        return
    t = ts_type(routine.returns, wanted, r)
    if suffix and " | " in t:
        t = f"({t})"
    out.add(4, f"Returns: {t}{suffix}")


def _constants(out: _Out, snap: CatalogSnapshot, schemas: list[str]) -> None:
    out.add(0, "export const Constants = {")
    for schema in schemas:
        out.add(1, f"{schema}: {{")
        enums = sorted((e for e in snap.enums if e.schema == schema), key=lambda e: e.name)
        if not enums:
            out.add(2, "Enums: {},")
        else:
            out.add(2, "Enums: {")
            for e in enums:
                one = f"{e.name}: [{', '.join(q(x) for x in e.labels)}],"
                if len("  " * 3 + one) <= WIDTH:
                    out.add(3, one)
                else:
                    out.add(3, f"{e.name}: [")
                    for x in e.labels:
                        out.add(4, f"{q(x)},")
                    out.add(3, "],")
            out.add(2, "},")
        out.add(1, "},")
    out.add(0, "} as const")


TRAILER = """type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never"""
