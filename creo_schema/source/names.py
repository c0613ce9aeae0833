"""What a statement declares and what it needs, read from its pglast AST.

Names are keys in one flat namespace: `public.orders` (relations and types share PostgreSQL's
namespace), `public.add_credits()` (functions, overloads folded), `schema:auth`,
`extension:pg_trgm`. Unqualified names are taken to be in `public`, PostgreSQL's default
search_path for schema files. A reference that no statement declares is left for the
platform or PostgreSQL itself to resolve; the ordering ignores it.
"""

from __future__ import annotations

from collections.abc import Iterable

from pglast import ast
from pglast.enums import AlterTableType, ConstrType, FunctionParameterMode, ObjectType
from pglast.stream import RawStream
from pglast.visitors import Ancestor, Visitor

DEFAULT_SCHEMA = "public"

# CREATE AGGREGATE (and operators) options that name a function.
FUNCTION_OPTIONS = frozenset(
    {
        "sfunc",
        "finalfunc",
        "combinefunc",
        "serialfunc",
        "deserialfunc",
        "msfunc",
        "minvfunc",
        "mfinalfunc",
        "function",
        "procedure",
        "restrict",
        "join",
    }
)


# Names a statement creates that live in no schema (a `schema:`, `extension:`, `server:` or
# `foreign data wrapper:` key); the others are schema-qualified after their kind.
SCHEMALESS = ("schema:", "extension:", "server:", "foreign data wrapper:")


def relation_key(node: ast.RangeVar) -> str:
    return f"{node.schemaname or DEFAULT_SCHEMA}.{node.relname}"


def qualified_key(names: Iterable[ast.Node] | None, suffix: str = "") -> str:
    """Key of a dotted name given as a tuple of String nodes (functions, types)."""
    parts = [getattr(n, "sval", str(n)) for n in names or ()]
    if len(parts) == 1:
        parts = [DEFAULT_SCHEMA, parts[0]]
    return ".".join(parts[-2:]) + suffix


def trigger_key(relation: ast.RangeVar, name: str) -> str:
    return f"trigger:{relation_key(relation)}.{name}"


def _multirange_key(stmt: ast.CreateRangeStmt) -> str:
    """The multirange type CREATE TYPE ... AS RANGE makes beside the range: named by the
    multirange_type_name option, or by PostgreSQL's rule (the range's name with "range"
    made "multirange", or "_multirange" appended)."""
    key = qualified_key(stmt.typeName)
    schema, _, name = key.rpartition(".")
    for option in stmt.params or ():
        if option.defname == "multirange_type_name" and isinstance(option.arg, ast.TypeName):
            return qualified_key(option.arg.names)
    if "range" in name:
        return f"{schema}.{name.replace('range', 'multirange', 1)}"
    return f"{schema}.{name}_multirange"


# ALTER TABLE subcommands that set a trigger's state.
_TRIGGER_STATES = frozenset(
    {
        AlterTableType.AT_EnableTrig,
        AlterTableType.AT_EnableAlwaysTrig,
        AlterTableType.AT_EnableReplicaTrig,
        AlterTableType.AT_DisableTrig,
    }
)


# COMMENT ON object types whose name is a relation's ("is"), or ends with one's ("of": a
# column, constraint, trigger, policy or rule, named after its table).
_COMMENTED_TABLE = {
    ObjectType.OBJECT_TABLE: "is",
    ObjectType.OBJECT_VIEW: "is",
    ObjectType.OBJECT_MATVIEW: "is",
    ObjectType.OBJECT_FOREIGN_TABLE: "is",
    ObjectType.OBJECT_SEQUENCE: "is",
    ObjectType.OBJECT_INDEX: "is",
    ObjectType.OBJECT_COLUMN: "of",
    ObjectType.OBJECT_TABCONSTRAINT: "of",
    ObjectType.OBJECT_TRIGGER: "of",
    ObjectType.OBJECT_POLICY: "of",
    ObjectType.OBJECT_RULE: "of",
}


class _References(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def visit_RangeVar(self, ancestors: Ancestor, node: ast.RangeVar) -> None:
        self.found.add(relation_key(node))
        if node.schemaname:
            self.found.add(f"schema:{node.schemaname}")

    def visit_FuncCall(self, ancestors: Ancestor, node: ast.FuncCall) -> None:
        self.found.add(qualified_key(node.funcname, "()"))

    def visit_TypeName(self, ancestors: Ancestor, node: ast.TypeName) -> None:
        names = [getattr(n, "sval", "") for n in node.names or ()]
        if names and names[0] != "pg_catalog":
            self.found.add(qualified_key(node.names))

    def visit_DefineStmt(self, ancestors: Ancestor, node: ast.DefineStmt) -> None:
        # CREATE AGGREGATE names its functions as type names: sfunc = public.add_int.
        for option in node.definition or ():
            if option.defname in FUNCTION_OPTIONS and isinstance(option.arg, ast.TypeName):
                self.found.add(qualified_key(option.arg.names, "()"))

    def visit_CreateSeqStmt(self, ancestors: Ancestor, node: ast.CreateSeqStmt) -> None:
        # OWNED BY schema.table.column needs the table first.
        for option in node.options or ():
            if option.defname == "owned_by" and len(option.arg or ()) >= 2:
                parts = [getattr(p, "sval", "") for p in option.arg]
                table = parts[:-1] if len(parts) > 2 else [DEFAULT_SCHEMA, parts[0]]
                self.found.add(".".join(table[-2:]))

    def visit_CreateTrigStmt(self, ancestors: Ancestor, node: ast.CreateTrigStmt) -> None:
        self.found.add(qualified_key(node.funcname, "()"))

    def visit_AlterTableStmt(self, ancestors: Ancestor, node: ast.AlterTableStmt) -> None:
        # ENABLE / DISABLE TRIGGER name: the trigger's state is declared after the trigger.
        assert node.relation is not None
        for cmd in node.cmds or ():
            if cmd.subtype in _TRIGGER_STATES and cmd.name:
                self.found.add(trigger_key(node.relation, cmd.name))
            if cmd.subtype == AlterTableType.AT_ClusterOn and cmd.name:
                # CLUSTER ON name: after the CREATE INDEX
                self.found.add(f"{node.relation.schemaname or DEFAULT_SCHEMA}.{cmd.name}")
            identity = cmd.def_
            if isinstance(identity, ast.Constraint) and identity.indexname:
                # ADD CONSTRAINT ... PRIMARY KEY / UNIQUE USING INDEX name: after the index
                schema = node.relation.schemaname or DEFAULT_SCHEMA
                self.found.add(f"{schema}.{identity.indexname}")
            if isinstance(identity, ast.ReplicaIdentityStmt) and identity.name:
                # REPLICA IDENTITY USING INDEX name: after the CREATE INDEX
                schema = node.relation.schemaname or DEFAULT_SCHEMA
                self.found.add(f"{schema}.{identity.name}")

    def visit_CommentStmt(self, ancestors: Ancestor, node: ast.CommentStmt) -> None:
        # COMMENT ON a relation, or on a column, constraint, trigger, policy or rule of one,
        # names it by a list of strings, not a RangeVar: after the table (and, for a CREATE
        # TABLE ... (LIKE t) INCLUDING COMMENTS written after it, before the copy).
        table = _COMMENTED_TABLE.get(node.objtype) if node.objtype is not None else None
        if table is None or not isinstance(node.object, (list, tuple)):
            return
        names = list(node.object)
        names = names[:-1] if table == "of" else names
        if 1 <= len(names) <= 3 and all(isinstance(n, ast.String) for n in names):
            self.found.add(qualified_key(names))

    def visit_CreateForeignTableStmt(
        self, ancestors: Ancestor, node: ast.CreateForeignTableStmt
    ) -> None:
        # SERVER name: after the CREATE SERVER (in another file: `pull` writes servers apart).
        if node.servername:
            self.found.add(f"server:{node.servername}")

    def visit_CreateForeignServerStmt(
        self, ancestors: Ancestor, node: ast.CreateForeignServerStmt
    ) -> None:
        if node.fdwname:
            self.found.add(f"foreign data wrapper:{node.fdwname}")

    def visit_CreateUserMappingStmt(
        self, ancestors: Ancestor, node: ast.CreateUserMappingStmt
    ) -> None:
        if node.servername:
            self.found.add(f"server:{node.servername}")

    def visit_AlterStatsStmt(self, ancestors: Ancestor, node: ast.AlterStatsStmt) -> None:
        self.found.add(f"statistics:{qualified_key(node.defnames)}")

    def visit_ObjectWithArgs(self, ancestors: Ancestor, node: ast.ObjectWithArgs) -> None:
        self.found.add(qualified_key(node.objname, "()"))


def _created(stmt: ast.Node) -> list[str]:
    match stmt:
        # pglast's stubs type every field optional; the asserts state what the parser
        # always fills in (the unchecked access would fail there too).
        case ast.CreateForeignTableStmt():
            assert stmt.base is not None and stmt.base.relation is not None
            return [relation_key(stmt.base.relation)]
        case ast.CreateStmt() | ast.CreateSeqStmt():
            target = stmt.relation if isinstance(stmt, ast.CreateStmt) else stmt.sequence
            assert target is not None
            return [relation_key(target)]
        case ast.ViewStmt():
            assert stmt.view is not None
            return [relation_key(stmt.view)]
        case ast.CreateTableAsStmt():
            assert stmt.into is not None and stmt.into.rel is not None
            return [relation_key(stmt.into.rel)]
        case ast.IndexStmt() if stmt.idxname:
            assert stmt.relation is not None
            return [f"{stmt.relation.schemaname or DEFAULT_SCHEMA}.{stmt.idxname}"]
        case ast.CreateFunctionStmt():
            return [qualified_key(stmt.funcname, "()")]
        case ast.DefineStmt() if stmt.kind == ObjectType.OBJECT_AGGREGATE:
            # an aggregate shares the functions' namespace: GRANT ... ON FUNCTION names it
            return [qualified_key(stmt.defnames, "()")]
        case ast.CompositeTypeStmt():
            assert stmt.typevar is not None
            return [relation_key(stmt.typevar)]
        case ast.CreateEnumStmt() | ast.CreateDomainStmt():
            names = stmt.typeName if isinstance(stmt, ast.CreateEnumStmt) else stmt.domainname
            return [qualified_key(names)]
        case ast.CreateRangeStmt():
            return [qualified_key(stmt.typeName), _multirange_key(stmt)]
        case ast.CreateTrigStmt():
            assert stmt.relation is not None and stmt.trigname is not None
            return [trigger_key(stmt.relation, stmt.trigname)]
        case ast.CreateStatsStmt():
            return [f"statistics:{qualified_key(stmt.defnames)}"]
        case ast.CreateSchemaStmt():
            return [f"schema:{stmt.schemaname}"]
        case ast.CreateExtensionStmt():
            return [f"extension:{stmt.extname}"]
        case ast.CreateFdwStmt():
            return [f"foreign data wrapper:{stmt.fdwname}"]
        case ast.CreateForeignServerStmt():
            return [f"server:{stmt.servername}"]
    return []


def key_facts(stmt: ast.Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the tables a statement gives a primary key, unique constraint or unique index; the
    tables its foreign keys reference): a foreign key needs the referenced table's key, which
    a later statement may add (ALTER TABLE ... ADD UNIQUE, CREATE UNIQUE INDEX)."""
    given: list[str] = []
    needed: list[str] = []
    match stmt:
        case ast.IndexStmt(unique=True, relation=ast.RangeVar() as relation):
            given.append(relation_key(relation))
        case ast.CreateStmt(relation=ast.RangeVar() as relation):
            for constraint in _table_constraints(stmt.tableElts or ()):
                _key_fact(constraint, relation_key(relation), given, needed)
        case ast.AlterTableStmt(relation=ast.RangeVar() as relation):
            for cmd in stmt.cmds or ():
                if isinstance(cmd.def_, ast.Constraint):
                    _key_fact(cmd.def_, relation_key(relation), given, needed)
    return tuple(dict.fromkeys(given)), tuple(dict.fromkeys(needed))


def _table_constraints(elements: Iterable[ast.Node]) -> list[ast.Constraint]:
    out: list[ast.Constraint] = []
    for element in elements:
        if isinstance(element, ast.Constraint):
            out.append(element)
        elif isinstance(element, ast.ColumnDef):
            out.extend(c for c in element.constraints or () if isinstance(c, ast.Constraint))
    return out


def _key_fact(constraint: ast.Constraint, table: str, given: list[str], needed: list[str]) -> None:
    if constraint.contype in (ConstrType.CONSTR_PRIMARY, ConstrType.CONSTR_UNIQUE):
        given.append(table)
    elif constraint.contype == ConstrType.CONSTR_FOREIGN and constraint.pktable is not None:
        needed.append(relation_key(constraint.pktable))


def copied_tables(stmt: ast.Node) -> tuple[str, ...]:
    """The tables a CREATE TABLE copies with LIKE: what they are when it runs (their indexes,
    defaults, comments) is what it copies."""
    if not isinstance(stmt, ast.CreateStmt):
        return ()
    return tuple(
        relation_key(element.relation)
        for element in stmt.tableElts or ()
        if isinstance(element, ast.TableLikeClause) and element.relation is not None
    )


def names_of(stmt: ast.Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(created, referenced) keys of one statement's AST node."""
    created = _created(stmt)
    visitor = _References()
    visitor(stmt)
    referenced = visitor.found - set(created)
    if isinstance(stmt, ast.CreateSchemaStmt):
        referenced = set()
    return tuple(created), tuple(sorted(referenced))


# Parameters that are no arguments: a routine is named by its input types only.
_OUTPUT_MODES = (FunctionParameterMode.FUNC_PARAM_OUT, FunctionParameterMode.FUNC_PARAM_TABLE)


def routine_arguments(stmt: ast.Node) -> list[ast.TypeName] | None:
    """The argument types of the function, procedure or aggregate a statement creates (an
    ordered-set aggregate's direct and aggregated ones alike; none for `*`); None when it
    creates no routine."""
    if isinstance(stmt, ast.CreateFunctionStmt):
        return [
            p.argType
            for p in stmt.parameters or ()
            if p.mode not in _OUTPUT_MODES and p.argType is not None
        ]
    if not isinstance(stmt, ast.DefineStmt) or stmt.kind != ObjectType.OBJECT_AGGREGATE:
        return None
    if stmt.args is not None:
        return [p.argType for p in stmt.args[0] or () if p.argType is not None]
    # the old form: CREATE AGGREGATE name (BASETYPE = type, ...)
    for option in stmt.definition or ():
        if option.defname == "basetype" and isinstance(option.arg, ast.TypeName):
            return [option.arg]
    return []


def type_list(types: Iterable[ast.Node] | None) -> str:
    """Argument types as SQL (`text, integer[]`), for messages."""
    return ", ".join(RawStream()(t) for t in types or ())


def routine_signature(stmt: ast.Node) -> str | None:
    """The routine a statement creates as messages name it, with its argument types
    (`app.csv_agg(text)`); None when it creates none."""
    arguments = routine_arguments(stmt)
    if arguments is None:
        return None
    if isinstance(stmt, ast.CreateFunctionStmt):
        names = stmt.funcname
    else:
        assert isinstance(stmt, ast.DefineStmt)  # the other routine routine_arguments reads
        names = stmt.defnames
    return f"{qualified_key(names)}({type_list(arguments)})"
