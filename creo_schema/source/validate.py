"""Step 2 of the pipeline: static rules over the AST of schema/, before any database is used.

- only declarative statements outside `schema/data/`, and only INSERTs inside it;
- no object declared twice (both places named);
- every referenced relation, foreign-key column, function, type, role and schema resolves to
  something schema/ declares or the platform prelude provides; a near miss suggests the name.

Every rule returns findings instead of raising, so that all problems show at once. Names
PostgreSQL itself provides are not listed anywhere, so the reference rules are deliberately
narrow: an unqualified function or type (`now()`, `text`) is taken to be PostgreSQL's, and
schemas whose content is unknown statically (pg_catalog, where extensions go, the platform's
unmodelled ones) are not looked into. The shadow load catches the rest, located as well.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path

from pglast import ast
from pglast.enums import (
    AlterTableType,
    ConstrType,
    GrantTargetType,
    ObjectType,
    RoleSpecType,
)

from creo_schema.platform import is_reserved
from creo_schema.source.asts import Parsed, dotted, parsed_statements, walk
from creo_schema.source.catalog_names import (
    KnownRoles,
    Names,
    add_statement,
    platform_names,
    unchecked_schemas,
)
from creo_schema.source.finding import Finding, sort_key
from creo_schema.source.model import SourceSet
from creo_schema.source.names import (
    DEFAULT_SCHEMA,
    FUNCTION_OPTIONS,
    SCHEMALESS,
    routine_arguments,
    routine_signature,
    type_list,
)
from creo_schema.source.session import SESSION_SETTING
from creo_schema.source.subscriptions import subscription_findings

DATA_DIR = "data"

# What a schema file may hold: statements that declare the desired state.
DECLARATIVE = frozenset(
    {
        "AlterDefaultPrivilegesStmt",
        "AlterDomainStmt",
        "AlterEventTrigStmt",  # ENABLE / DISABLE: an event trigger's state is declared so
        "AlterFunctionStmt",
        "AlterOwnerStmt",
        "AlterPublicationStmt",  # ADD TABLE to the platform's publication (supabase_realtime)
        "AlterSeqStmt",
        "AlterStatsStmt",  # SET STATISTICS: a statistics object's target is declared so
        "AlterTableStmt",
        "CommentStmt",
        "CompositeTypeStmt",
        "CreateAmStmt",
        "CreateCastStmt",
        "CreateConversionStmt",
        "CreateDomainStmt",
        "CreateEnumStmt",
        "CreateEventTrigStmt",
        "CreateExtensionStmt",
        "CreateFdwStmt",
        "CreateForeignServerStmt",
        "CreateForeignTableStmt",
        "CreateFunctionStmt",
        "CreateOpClassStmt",
        "CreatePLangStmt",
        "CreatePolicyStmt",
        "CreatePublicationStmt",
        "CreateRangeStmt",
        "CreateSchemaStmt",
        "CreateSeqStmt",
        "CreateStatsStmt",
        "CreateStmt",
        "CreateSubscriptionStmt",  # CONNECTION '' (source/subscriptions.py)
        "CreateTableAsStmt",
        "CreateTransformStmt",
        "CreateTrigStmt",
        "CreateUserMappingStmt",
        "DefineStmt",
        "GrantStmt",
        "IndexStmt",
        "RuleStmt",
        "SecLabelStmt",
        "ViewStmt",
    }
)
DATA_KINDS = frozenset({"InsertStmt"})

_DROP = (
    "removes an object, but schema/ declares the desired state: delete the object's "
    "declaration instead and `plan` will drop it"
)
_ROLE = (
    "%s a role, which belongs to the whole cluster, not to a schema: roles are the platform's "
    "or the server administrator's (list the ones a target may lack in `roles`; on plain "
    "PostgreSQL, `manage_roles = true` declares them in schema/roles/)"
)
_DML = "changes rows: reference data belongs in schema/data/ as INSERTs keyed by primary key"
# Why a statement kind is not declarative, for the kinds people actually paste.
WHY_NOT = {
    "DropStmt": _DROP,
    "DropRoleStmt": _DROP,
    "DropOwnedStmt": _DROP,
    "DropdbStmt": _DROP,
    "DropTableSpaceStmt": _DROP,
    "DropSubscriptionStmt": _DROP,
    "DropUserMappingStmt": _DROP,
    "InsertStmt": _DML,
    "UpdateStmt": _DML,
    "DeleteStmt": _DML,
    "MergeStmt": _DML,
    "TruncateStmt": "deletes rows; schema/ declares objects, and undeclared rows are left alone",
    "CopyStmt": "loads or dumps rows; put reference data in schema/data/ as INSERTs",
    "TransactionStmt": (
        "is transaction control: the tool runs the schema in its own transaction; "
        "remove BEGIN/COMMIT/ROLLBACK"
    ),
    "SelectStmt": "is a query: it declares nothing (a function call for its side effects is a migration step, not state)",
    "DoStmt": "runs code instead of declaring objects: declare what the block creates",
    "VariableSetStmt": "changes the session, not the schema (pg_dump's SET lines are not needed)",
    "RenameStmt": (
        "renames an object, which is a migration step: rename it in its declaration and "
        "mark it with `-- creo:renamed-from <old name>`"
    ),
    "CallStmt": "runs a procedure: it declares nothing",
    "CreateRoleStmt": _ROLE % "creates",
    "AlterRoleStmt": _ROLE % "alters",
    "AlterRoleSetStmt": _ROLE % "alters",
    "GrantRoleStmt": "changes role membership, which is cluster-wide: roles are the platform's "
    "or the server administrator's, not a schema's (on plain PostgreSQL, `manage_roles = "
    "true` declares memberships in schema/roles/)",
    "CreatedbStmt": "creates a database: the tool works inside the target database",
    "AlterEnumStmt": (
        "changes an enum in place: edit the enum's CREATE TYPE and `plan` will add the value"
    ),
    "AlterPolicyStmt": "changes a policy in place: edit its CREATE POLICY instead",
    "AlterExtensionStmt": "changes an extension in place: edit its CREATE EXTENSION instead",
    "AlterSubscriptionStmt": (
        "changes a subscription in place: edit its CREATE SUBSCRIPTION (publications, "
        "options, enabled) and `plan` will alter it"
    ),
}
_DROPPING_SUBCOMMANDS = {
    AlterTableType.AT_DropColumn: "drops a column",
    AlterTableType.AT_DropConstraint: "drops a constraint",
    AlterTableType.AT_DropNotNull: "drops a NOT NULL",
    AlterTableType.AT_DisableRowSecurity: "disables row level security",
    AlterTableType.AT_NoForceRowSecurity: "stops forcing row level security",
    AlterTableType.AT_DropInherit: "drops inheritance",
    AlterTableType.AT_DetachPartition: "detaches a partition",
    AlterTableType.AT_DropIdentity: "drops an identity",
    AlterTableType.AT_DropExpression: "drops a generation expression",
}
# The routines an ObjectWithArgs names (it names operators and casts too), as messages call
# them: aggregates share the functions' names (GRANT ... ON FUNCTION reaches one).
_ROUTINE_WORDS: dict[ObjectType | None, str] = {
    ObjectType.OBJECT_FUNCTION: "function",
    ObjectType.OBJECT_PROCEDURE: "procedure",
    ObjectType.OBJECT_ROUTINE: "routine",
    ObjectType.OBJECT_AGGREGATE: "aggregate",
}


def validate_source(
    source: SourceSet,
    platform: str = "supabase",
    roles: KnownRoles | None = None,
    managed: tuple[str, ...] | None = None,
    subscriptions: Mapping[str, str] | None = None,
) -> list[Finding]:
    """All static findings about `source`, sorted by place; `roles`: the roles it may name
    besides the platform's (configured, and the target's when there is one); `managed`: the
    managed schemas, when a command will compare them (None: not checked); `subscriptions`:
    each configured subscription's conninfo_env (None: not checked)."""
    parsed = parsed_statements(source)
    known = platform_names(platform).merge(declared_names(parsed))
    findings = [
        *check_declarative(parsed, source.root),
        *check_duplicates(parsed),
        *check_references(parsed, platform, roles or KnownRoles(), known, managed or ()),
        *check_managed(parsed, platform, managed, known.schemas),
        *subscription_findings(parsed, subscriptions),
    ]
    return sorted(findings, key=sort_key)


def check_managed(
    parsed: list[Parsed],
    platform: str,
    managed: tuple[str, ...] | None,
    known_schemas: set[str] | frozenset[str],
) -> Iterator[Finding]:
    """A declaration in a schema that is neither managed nor the platform's would never be
    compared: plan, apply and drift would all pass while it does not exist. One in a managed
    schema schema/ never creates could not load. Each named once per schema, where it is
    first declared; a schema nothing declares nor manages is the resolver's (`unresolved`)."""
    if managed is None:
        return
    reported: set[str] = set()
    for item in parsed:
        for key in item.statement.creates:
            if key.startswith(SCHEMALESS):
                continue
            name = key.rpartition(":")[2]  # trigger:schema.table.name -> schema.table.name
            schema = name.split(".")[0]
            problem = (
                None
                if schema in reported
                else _schema_problem(schema, managed, known_schemas, platform)
            )
            if problem is None:
                continue
            reported.add(schema)
            what, hint = problem
            yield Finding(
                "error",
                "unmanaged-schema",
                f"{name.removesuffix('()')} is declared in schema {schema}, which is {what}",
                item.statement.location,
                hint=hint,
            )


def _schema_problem(
    schema: str, managed: tuple[str, ...], known: set[str] | frozenset[str], platform: str
) -> tuple[str, str] | None:
    """(what is wrong with declaring in `schema`, the fix), or None when nothing is."""
    if schema in managed:
        if schema in known:
            return None
        return (
            "managed (managed_schemas) but never created in schema/",
            f"add `create schema {schema};` to schema/",
        )
    if schema not in known or is_reserved(schema, platform):
        return None
    return (
        "not managed: plan, apply and drift would ignore it",
        f'add "{schema}" to managed_schemas in the configuration (or --managed-schema '
        f"{schema}), or create the schema in schema/, which manages it",
    )


# -- only declarative statements ---------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def in_data_dir(file: str, root: str) -> bool:
    """Whether a shown file path lies under `<schema dir>/data/` (once per file: resolving
    paths costs more than the rest of the check)."""
    try:
        relative = Path(file).resolve().relative_to(Path(root).resolve())
    except ValueError:
        relative = Path(file)
    return DATA_DIR in relative.parts[:-1]


def check_declarative(parsed: list[Parsed], root: str) -> Iterator[Finding]:
    for item in parsed:
        kind = item.statement.kind
        label = _label(item.node)
        if in_data_dir(item.statement.location.file, root):
            if kind not in DATA_KINDS:
                yield Finding(
                    "error",
                    "non-declarative",
                    f"{label} in schema/data/: data files may only hold INSERT statements",
                    item.statement.location,
                    hint="move declarations out of data/; reference data is INSERT ... "
                    "keyed by primary key (the plan inserts missing rows, updates changed ones)",
                )
            continue
        if kind == SESSION_SETTING:
            yield Finding(
                "info",
                "session-setting",
                f"session setting [{_shortened(item.statement.sql)}] declares nothing: "
                "left out of the load",
                item.statement.location,
            )
            continue
        if kind == "AlterTableStmt":
            yield from _dropping_alter(item)
            continue
        if isinstance(item.node, ast.CommentStmt) and item.node.objtype == ObjectType.OBJECT_ROLE:
            yield Finding(
                "error",
                "non-declarative",
                f"COMMENT ON ROLE {_ROLE % 'describes'}",
                item.statement.location,
            )
            continue
        if (
            isinstance(item.node, ast.CreateTableAsStmt)
            and item.node.objtype != ObjectType.OBJECT_MATVIEW
        ):
            yield Finding(
                "error",
                "non-declarative",
                "CREATE TABLE AS copies rows at load time: declare the table with CREATE TABLE",
                item.statement.location,
            )
            continue
        if kind in DECLARATIVE:
            continue
        why = WHY_NOT.get(kind, "is not a declaration")
        yield Finding(
            "error",
            "non-declarative",
            f"{label} {why}",
            item.statement.location,
            hint="schema files hold declarations only: CREATE, ALTER TABLE ... ENABLE ROW "
            "LEVEL SECURITY, COMMENT, GRANT/REVOKE, CREATE POLICY, ...",
        )


def _shortened(sql: str, width: int = 60) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _dropping_alter(item: Parsed) -> Iterator[Finding]:
    assert isinstance(item.node, ast.AlterTableStmt)  # called for an ALTER TABLE only
    for cmd in item.node.cmds or ():
        what = _DROPPING_SUBCOMMANDS.get(cmd.subtype)
        if what:
            yield Finding(
                "error",
                "non-declarative",
                f"ALTER TABLE {what}, which is a migration step, not a declaration",
                item.statement.location,
                hint="change the table's declaration instead; `plan` computes the ALTER",
            )


_LABELS = {
    "DoStmt": "DO",
    "CreateStmt": "CREATE TABLE",
    "ViewStmt": "CREATE VIEW",
    "IndexStmt": "CREATE INDEX",
    "CreateFunctionStmt": "CREATE FUNCTION",
    "CreatePolicyStmt": "CREATE POLICY",
    "CreateTrigStmt": "CREATE TRIGGER",
    "CreateSchemaStmt": "CREATE SCHEMA",
    "CreateExtensionStmt": "CREATE EXTENSION",
    "CreateEnumStmt": "CREATE TYPE",
    "CompositeTypeStmt": "CREATE TYPE",
    "CreateDomainStmt": "CREATE DOMAIN",
    "CreateSeqStmt": "CREATE SEQUENCE",
    "CreateRoleStmt": "CREATE ROLE",
    "GrantRoleStmt": "GRANT role",
    "GrantStmt": "GRANT",
    "CommentStmt": "COMMENT",
    "AlterTableStmt": "ALTER TABLE",
    "RenameStmt": "RENAME",
}


def _label(node: ast.Node) -> str:
    """A statement kind as a person would name it (`DROP TABLE`, `INSERT`, `BEGIN`)."""
    kind = type(node).__name__
    # The parser always sets these (pglast's stubs type every field optional).
    if isinstance(node, ast.DropStmt):
        assert node.removeType is not None
        objtype = ObjectType(node.removeType).name.removeprefix("OBJECT_").replace("_", " ")
        return f"DROP {objtype}"
    if isinstance(node, ast.TransactionStmt):
        assert node.kind is not None
        return node.kind.name.removeprefix("TRANS_STMT_").replace("_", " ")
    if isinstance(node, ast.VariableSetStmt):
        return "SET"
    if kind in _LABELS:
        return _LABELS[kind]
    words = kind.removesuffix("Stmt")
    spaced = "".join(f" {c}" if c.isupper() else c for c in words).strip().upper()
    return spaced


# -- nothing declared twice --------------------------------------------------------------------


def check_duplicates(parsed: list[Parsed]) -> Iterator[Finding]:
    first: dict[str, Parsed] = {}
    for item in parsed:
        for key in identities(item.node, item.statement.creates):
            earlier = first.setdefault(key, item)
            if earlier is item:
                continue
            signature = routine_signature(item.node)
            what = f"{_created_routine(item.node)} {signature}" if signature else describe(key)
            yield Finding(
                "error",
                "duplicate",
                f"{what} is declared twice: here and at {earlier.statement.location}",
                item.statement.location,
                hint="keep one declaration: the desired state names each object once",
            )


def identities(node: ast.Node, creates: tuple[str, ...]) -> list[str]:
    """What a statement declares, precise enough that two of them must not be equal.

    Functions and aggregates are told apart by their argument types (overloads are fine);
    policies and triggers are named per table.
    """
    arguments = routine_arguments(node)
    if arguments is not None:
        key = creates[0].removesuffix("()")
        return [f"{key}({', '.join(_type_text(t) for t in arguments)})"]
    match node:
        case ast.CreatePolicyStmt():
            return [f"policy:{_relation(node.table)}:{node.policy_name}"]
        case ast.CreateTrigStmt():
            return [f"trigger:{_relation(node.relation)}:{node.trigname}"]
    return list(creates)


def _created_routine(node: ast.Node) -> str:
    if isinstance(node, ast.DefineStmt):
        return "aggregate"
    return "procedure" if getattr(node, "is_procedure", False) else "function"


def _type_text(type_name: ast.TypeName) -> str:
    """A type as an identity compares it: PostgreSQL's own unqualified, no type modifier
    (`varchar(10)` and `varchar` name one function's argument)."""
    names = dotted(type_name.names)
    if len(names) == 2 and names[0] == "pg_catalog":
        names = names[1:]
    return ".".join(names) + "[]" * len(type_name.arrayBounds or ())


def describe(key: str) -> str:
    kind, _, rest = key.partition(":")
    if kind in ("schema", "extension"):
        return f"{kind} {rest}"
    if kind in ("policy", "trigger"):
        table, _, name = rest.partition(":")
        return f'{kind} "{name}" on {table}'
    if key.endswith(")"):
        return f"function {key}"
    return key


# -- every reference resolves ------------------------------------------------------------------


def declared_names(parsed: list[Parsed]) -> Names:
    names = Names()
    for item in parsed:
        add_statement(names, item.node, item.statement.creates)
    return names


def check_references(
    parsed: list[Parsed],
    platform: str,
    roles: KnownRoles,
    known: Names | None = None,
    managed: tuple[str, ...] = (),
) -> Iterator[Finding]:
    known = known or platform_names(platform).merge(declared_names(parsed))
    unchecked = unchecked_schemas(known, platform)
    for item in parsed:
        yield from _Resolver(item, known, unchecked, roles, frozenset(managed)).findings()


def _names_a_function(ancestors: tuple[ast.Node, ...]) -> bool:
    parent = ancestors[-1] if ancestors else None
    return isinstance(parent, ast.DefElem) and parent.defname in FUNCTION_OPTIONS


class _Resolver:
    """The unresolved references of one statement."""

    def __init__(
        self,
        item: Parsed,
        known: Names,
        unchecked: frozenset[str],
        roles: KnownRoles,
        managed: frozenset[str] = frozenset(),
    ) -> None:
        self.item = item
        self.known = known
        self.unchecked = unchecked
        self.roles = roles
        self.managed = managed
        self.schemas = known.schemas | unchecked
        self.reported: set[str] = set()

    def findings(self) -> Iterator[Finding]:
        node = self.item.node
        creates = set(self.item.statement.creates)
        for key in creates:
            if not key.startswith(SCHEMALESS):
                # trigger:schema.table.name, statistics:schema.name: the schema after the kind
                yield from self._schema(key.rpartition(":")[2].split(".")[0], None)
        nodes = list(walk(node))  # one walk for the CTE names and the references
        ctes = {
            n.ctename
            for n, _ in nodes
            if isinstance(n, ast.CommonTableExpr) and n.ctename is not None
        }
        routine = _routine_word(node)
        for child, ancestors in nodes:
            match child:
                case ast.RangeVar():
                    yield from self._relation(child, creates, ctes)
                case ast.FuncCall():
                    # a call's argument types are not known here: its name, or () if none
                    shown = "" if child.args else "()"
                    yield from self._function(dotted(child.funcname), shown, child)
                case ast.ObjectWithArgs() if routine is not None:
                    shown = "" if child.args_unspecified else f"({type_list(child.objargs)})"
                    yield from self._function(dotted(child.objname), shown, None, routine)
                case ast.TypeName() if not child.pct_type:
                    if _names_a_function(ancestors):  # an aggregate's sfunc = name
                        yield from self._function(dotted(child.names), "", None)
                    else:
                        yield from self._type(dotted(child.names), child)
                case ast.RoleSpec() if child.roletype == RoleSpecType.ROLESPEC_CSTRING:
                    yield from self._role(child)
                case ast.Constraint() if child.contype == ConstrType.CONSTR_FOREIGN:
                    yield from self._foreign_key(child, ancestors)
        if isinstance(node, ast.CreateTrigStmt):
            # a trigger function takes no arguments (the trigger's go to TG_ARGV)
            yield from self._function(dotted(node.funcname), "()", None)
        if (
            isinstance(node, ast.GrantStmt)
            and node.targtype == GrantTargetType.ACL_TARGET_ALL_IN_SCHEMA
        ):
            for schema in node.objects or ():
                yield from self._schema(schema.sval, None)

    def _finding(
        self, what: str, name: str, candidates: set[str], node: ast.Node | None, shown: str = ""
    ) -> Iterator[Finding]:
        """`name` unresolved, among `candidates` of its kind; `shown`: how the message
        writes it, when not as its key (a function with its argument types)."""
        if name in self.reported:
            return
        self.reported.add(name)
        close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.6)
        hint = (
            f"did you mean {self._spelled(close[0])}?"
            if close
            else "declare it in schema/, or check the name"
        )
        yield Finding(
            "error",
            "unresolved",
            f"{what} {shown or name} is not declared in schema/ nor provided by the platform",
            self.item.locate(node),
            hint=hint,
        )

    def _spelled(self, key: str) -> str:
        """A name as a hint suggests it: a routine by its signatures (each overload)."""
        if not key.endswith("()"):
            return key
        return " or ".join(sorted(self.known.signatures.get(key, ()))) or key

    def _schema(self, schema: str, node: ast.Node | None) -> Iterator[Finding]:
        # a managed schema schema/ never creates is check_managed's to name, with its fix
        if schema not in self.schemas and schema not in self.managed:
            yield from self._finding("schema", schema, self.known.schemas, node)

    def _relation(self, node: ast.RangeVar, creates: set[str], ctes: set[str]) -> Iterator[Finding]:
        schema = node.schemaname
        assert node.relname is not None  # the parser names every relation
        if not schema and (node.relname in ctes or node.relname.startswith("pg_")):
            return
        key = f"{schema or DEFAULT_SCHEMA}.{node.relname}"
        if key in creates:
            return
        yield from self._qualified("relation", key, self.known.relations, node)

    def _qualified(
        self, what: str, key: str, declared: set[str], node: ast.Node | None, shown: str = ""
    ) -> Iterator[Finding]:
        schema = key.split(".")[0]
        if schema in self.unchecked:
            return
        if schema not in self.schemas:
            yield from self._schema(schema, node)
            return
        if key not in declared:
            yield from self._finding(what, key, declared, node, shown)

    def _function(
        self, names: list[str], arguments: str, node: ast.Node | None, word: str = "function"
    ) -> Iterator[Finding]:
        """A function (or aggregate, procedure) by name, overloads folded; `arguments` is
        how the reference wrote them (`(text)`), `word` what it called the routine."""
        if len(names) < 2:  # unqualified: PostgreSQL's, or resolved by the shadow load
            return
        name = ".".join(names[-2:])
        functions = self.known.functions
        yield from self._qualified(word, f"{name}()", functions, node, name + arguments)

    def _type(self, names: list[str], node: ast.Node | None) -> Iterator[Finding]:
        if len(names) < 2:
            return
        yield from self._qualified("type", ".".join(names[-2:]), self.known.types, node)

    def _role(self, node: ast.RoleSpec) -> Iterator[Finding]:
        name = node.rolename
        assert name is not None  # set for ROLESPEC_CSTRING, the only kind looked up
        if name.startswith("pg_") or name in self.known.roles or name in self.roles:
            return
        if name in self.reported:
            return
        self.reported.add(name)
        # Roles are cluster-wide: schema/ cannot declare them, so say where they may come from.
        if not self.roles.has_target:
            where = "not in `roles`, and there is no target to look it up on"
        else:
            where = "not on the target, and not in `roles`"
        candidates = sorted(self.known.roles | self.roles.all())
        # Role names share prefixes (app_owner, app_reader): only a near-typo is suggested.
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.85)
        fix = "create the role on the target, or list it in `roles` in the configuration"
        hint = f"did you mean {close[0]}? else {fix}" if close else fix
        yield Finding(
            "error",
            "unresolved",
            f"role {name} is not provided by the platform, {where}",
            self.item.locate(node),
            hint=hint,
        )

    def _foreign_key(
        self, node: ast.Constraint, ancestors: tuple[ast.Node, ...]
    ) -> Iterator[Finding]:
        target = _relation(node.pktable)
        target_columns = self.known.columns.get(target)
        for column in dotted(node.pk_attrs):
            if target_columns is not None and column not in target_columns:
                yield from self._column(column, target, target_columns, node)
        table = _owning_table(ancestors)
        own_columns = self.known.columns.get(table) if table else None
        for column in dotted(node.fk_attrs):
            if own_columns is not None and column not in own_columns:
                yield from self._column(column, table or "", own_columns, node)

    def _column(
        self, column: str, table: str, columns: set[str], node: ast.Node | None
    ) -> Iterator[Finding]:
        name = f"{table}.{column}"
        if name in self.reported:
            return
        self.reported.add(name)
        close = difflib.get_close_matches(column, sorted(columns), n=1, cutoff=0.6)
        yield Finding(
            "error",
            "unresolved",
            f"foreign key column {column} is not a column of {table}",
            self.item.locate(node),
            hint=f"did you mean {close[0]}?"
            if close
            else f"{table} has: {', '.join(sorted(columns))}",
        )


def _relation(node: ast.RangeVar | None) -> str:
    assert node is not None  # the parser sets the relation of what reaches here
    return f"{node.schemaname or DEFAULT_SCHEMA}.{node.relname}"


def _owning_table(ancestors: tuple[ast.Node, ...]) -> str | None:
    for ancestor in reversed(ancestors):
        if isinstance(ancestor, ast.CreateStmt | ast.AlterTableStmt):
            return _relation(ancestor.relation)
    return None


def _routine_word(statement: ast.Node) -> str | None:
    """What the routine an ObjectWithArgs of `statement` names is called; None when it names
    something else (an operator, a cast)."""
    objtype: ObjectType | None = (
        getattr(statement, "objtype", None)
        or getattr(statement, "objectType", None)
        or getattr(statement, "removeType", None)
    )
    if isinstance(statement, ast.AlterFunctionStmt):
        return _ROUTINE_WORDS.get(objtype, "function")
    return _ROUTINE_WORDS.get(objtype)
