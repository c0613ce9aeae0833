"""Functions, procedures and aggregates.

A function is named by its identity arguments, so an overload is another object. What
differs only in attributes (volatility, strictness, security, leakproofness, parallel
safety, cost, rows, SET options) is changed with ALTER FUNCTION; a new body, language or
argument default with CREATE OR REPLACE. A new result type, new argument names or fewer
defaults cannot be replaced in place: the function is dropped and created again, and what
depends on it rebuilt around it.
"""

from __future__ import annotations

import re

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.kinds import ObjectKind
from creo_schema.catalog.model import Function
from creo_schema.diff.change import Change
from creo_schema.diff.effects import NONE, Effects
from creo_schema.diff.kinds.base import REPLACE, Altered, Context, Kind
from creo_schema.diff.kinds.namespaces import schema_id
from creo_schema.diff.objects import Node, Side
from creo_schema.diff.quote import ident, literal, qualified

_BODY_STARTS = ("AS ", "BEGIN ATOMIC", "RETURN ")


def function_id(item: Function) -> str:
    return f"function:{qualified(item.schema, item.name)}({item.identity_args})"


def _body(definition: str | None) -> str:
    """A definition from its AS (or SQL-standard body) on: what the header does not say."""
    lines = (definition or "").split("\n")
    for index, line in enumerate(lines):
        if line.startswith(_BODY_STARTS):
            return "\n".join(lines[index:])
    return definition or ""


class FunctionKind(Kind):
    name = ObjectKind.FUNCTION
    rebuildable = True

    def add_nodes(self, snapshot: CatalogSnapshot, side: Side) -> None:
        constructors = _range_constructors(snapshot)
        for item in snapshot.functions:
            range_node = constructors.get(qualified(item.schema, item.name))
            if range_node is not None and item.language == "internal":
                # CREATE TYPE ... AS RANGE makes its range's and multirange's constructors,
                # and DROP TYPE takes them: they are the range's, never dropped on their own.
                side.by_oid[("pg_proc", item.oid, 0)] = range_node
                continue
            node_id = function_id(item)
            side.add(Node(node_id, self.name, item, slot=node_id), ("pg_proc", item.oid, 0))

    @staticmethod
    def _word(item: Function) -> str:
        return {"procedure": "procedure", "aggregate": "aggregate"}.get(item.kind, "function")

    def signature(self, node: Node, word: str = "") -> str:
        """The routine with its argument types, as statements of `word` (by default the
        routine's own: function, procedure, aggregate) name it: an aggregate of no
        argument is `name(*)` to DROP, ALTER and COMMENT ON AGGREGATE, and an ordered-set
        aggregate's arguments are one plain list to GRANT ... ON FUNCTION."""
        item: Function = node.item
        args = item.identity_args
        if item.kind == "aggregate":
            if (word or self._word(item)) == "aggregate":
                args = args or "*"
            else:
                args = _plain_argument_list(args)
        return f"{qualified(item.schema, item.name)}({args})"

    def create(self, node: Node, ctx: Context) -> list[Change]:
        item: Function = node.item
        sql = (item.definition or "").strip()
        return [
            self.make(
                node,
                "create",
                sql,
                f"create_{self._word(item)}",
                requires=[schema_id(item.schema)],
                # (reported for functions only: a procedure's is reported when it changes)
                effects=_definer(item) if self._word(item) == "function" else NONE,
            )
        ]

    def drop(self, node: Node, ctx: Context) -> list[Change]:
        item: Function = node.item
        return [self.make(node, "drop", f"drop {self._word(item)} {self.signature(node)}")]

    def alter(self, old: Node, new: Node, ctx: Context) -> Altered:
        a: Function = old.item
        b: Function = new.item
        if (a.kind, a.result, a.returns_set) != (b.kind, b.result, b.returns_set):
            return REPLACE
        if a.arg_names != b.arg_names or b.default_count < a.default_count:
            return REPLACE
        if a.kind == "aggregate":
            return self._alter_aggregate(a, b, new)
        if a.support and a.support != b.support:
            return REPLACE  # a support function can be set, never removed
        effects = _definer(b)
        if (a.language, a.arguments, _body(a.definition)) != (
            b.language,
            b.arguments,
            _body(b.definition),
        ):
            sql = (b.definition or "").strip()
            return [self.make(new, "alter", sql, "replace_function", effects=effects)]
        clauses = _attribute_clauses(a, b)
        if not clauses:
            return []
        sql = f"alter {self._word(b)} {self.signature(new)} {' '.join(clauses)}"
        return [self.make(new, "alter", sql, "alter_function", effects=effects)]

    def _alter_aggregate(self, a: Function, b: Function, new: Node) -> Altered:
        """CREATE OR REPLACE AGGREGATE (PostgreSQL 12+) changes every option in place, so the
        views that call the aggregate, its grants and its comment stay; only its kind (plain,
        ordered-set, hypothetical-set), arguments and result may not change that way."""
        if a.definition == b.definition:
            return []
        if _hypothetical(a) != _hypothetical(b) or not (b.definition or "").startswith(_CREATE):
            return REPLACE
        sql = "CREATE OR REPLACE AGGREGATE " + (b.definition or "").removeprefix(_CREATE)
        return [self.make(new, "alter", sql, "replace_aggregate")]

    def comment_target(self, node: Node) -> str:
        return f"{self._word(node.item)} {self.signature(node)}"

    def grant_target(self, node: Node) -> str:
        word = "procedure" if node.item.kind == "procedure" else "function"
        return f"{word} {self.signature(node, word)}"

    def owner_target(self, node: Node) -> str:
        return f"{self._word(node.item)} {self.signature(node)}"


_CREATE = "CREATE AGGREGATE "  # how functions.sql spells an aggregate's definition


def _definer(item: Function) -> Effects:
    """A SECURITY DEFINER routine without a fixed search_path runs as its owner with the
    caller's search path: the caller can put objects of its own in the way."""
    return Effects(widens_access=bool(item.security_definer and not item.search_path))


def _hypothetical(item: Function) -> bool:
    return (item.definition or "").endswith(", HYPOTHETICAL)")


def _plain_argument_list(args: str) -> str:
    """An ordered-set aggregate's arguments as GRANT names them: `float8 ORDER BY float8` is
    `float8, float8`; but `VARIADIC "any" ORDER BY VARIADIC "any"` (a hypothetical-set
    aggregate's, printed twice by the server) is one argument in pg_proc, named once."""
    direct, by, ordered = args.partition(" ORDER BY ")
    if by and ordered.startswith("VARIADIC ") and direct.endswith(ordered):
        return direct
    return args.replace(" ORDER BY ", ", ")


def _range_constructors(snapshot: CatalogSnapshot) -> dict[str, str]:
    """The names of the functions a range type makes (its own name, its multirange's) ->
    the range's node id."""
    out = {}
    for item in snapshot.ranges:
        node_id = f"type:{qualified(item.schema, item.name)}"
        out[qualified(item.schema, item.name)] = node_id
        out[item.multirange] = node_id
    return out


def _attribute_clauses(a: Function, b: Function) -> list[str]:
    out = []
    if a.volatility != b.volatility:
        out.append(b.volatility)
    if a.strict != b.strict:
        out.append("strict" if b.strict else "called on null input")
    if a.security_definer != b.security_definer:
        out.append("security definer" if b.security_definer else "security invoker")
    if a.leakproof != b.leakproof:
        out.append("leakproof" if b.leakproof else "not leakproof")
    if a.parallel != b.parallel:
        out.append(f"parallel {b.parallel}")
    if a.cost != b.cost:
        out.append(f"cost {b.cost}")
    if a.rows != b.rows and b.returns_set:
        out.append(f"rows {b.rows}")
    if b.support and a.support != b.support:
        out.append(f"support {b.support}")
    before = dict(c.split("=", 1) for c in a.config)
    after = dict(c.split("=", 1) for c in b.config)
    # The catalog reads the settings sorted, but a function keeps them in the order they
    # were set (and prints them so): SET appends a new one, so where that order would not
    # be the desired one, every setting is set again, in order.
    old_order = _setting_order(a.definition, before)
    new_order = _setting_order(b.definition, after)
    kept = [k for k in old_order if k in after] + [k for k in new_order if k not in before]
    if kept != new_order and after:
        return [
            *out,
            "reset all",
            *(f"set {ident(k)} to {setting_value(k, after[k])}" for k in new_order),
        ]
    out += [f"reset {ident(k)}" for k in before if k not in after]
    out += [
        f"set {ident(k)} to {setting_value(k, after[k])}"
        for k in new_order
        if before.get(k) != after[k]
    ]
    return out


_SETTING = re.compile(r"^ SET (\S+) TO ", re.MULTILINE)


def _setting_order(definition: str | None, settings: dict[str, str]) -> list[str]:
    """The names of a function's settings in the order its definition prints them (sorted
    where the definition does not name them all)."""
    head = (definition or "").split("\nAS ", 1)[0].split("\nBEGIN ATOMIC", 1)[0]
    found = _SETTING.findall(head)
    return found if sorted(found) == sorted(settings) else sorted(settings)


# Settings whose value is a list of names, stored with each name quoted as an identifier
# where it needs to be (search_path = '' is stored as `""`).
# Settings whose value is a list of names (pg_dump's variable_is_guc_list_quote): stored as
# quoted identifiers, so each element is given back as a string of its own. A function's SET
# and a role's ALTER ROLE ... SET (diff/kinds/roles.py) both write them back this way.
_LIST_SETTINGS = frozenset(
    {
        "local_preload_libraries",
        "search_path",
        "session_preload_libraries",
        "shared_preload_libraries",
        "temp_tablespaces",
        "unix_socket_directories",
    }
)


def setting_value(name: str, stored: str) -> str:
    """The SQL that sets `name` back to its stored text (proconfig's `name=value`)."""
    if name.lower() not in _LIST_SETTINGS:
        return literal(stored)
    return ", ".join(literal(item) for item in _list_items(stored))


def _list_items(stored: str) -> list[str]:
    """`public, "My Schema", ""` -> ['public', 'My Schema', '']: a quoted element exactly as
    quoted (spaces inside kept, `""` unescaped), a bare one without the spaces around it."""
    items: list[str] = []
    current: list[str] = []
    quoted = was_quoted = False
    index = 0
    while index < len(stored):
        char = stored[index]
        if quoted:
            if char == '"' and stored[index + 1 : index + 2] == '"':
                current.append('"')
                index += 1
            elif char == '"':
                quoted = False
            else:
                current.append(char)
        elif char == '"':
            quoted = was_quoted = True
            current = []  # the spaces before the quote are not the element's
        elif char == ",":
            items.append("".join(current) if was_quoted else "".join(current).strip())
            current, was_quoted = [], False
        elif not was_quoted:  # the spaces after a closing quote are not either
            current.append(char)
        index += 1
    items.append("".join(current) if was_quoted else "".join(current).strip())
    return items
