"""Subscriptions as schema/ declares them: `CREATE SUBSCRIPTION ... CONNECTION ''`.

A subscription's connection string holds its publisher's password, so it never lives in a
file: schema/ writes `CONNECTION ''`, and `[subscriptions.<name>] conninfo_env` in the
configuration names the environment variable a plan reads it from when it runs (config.py).
Anything else in the literal, a password above all, is refused at its file:line:col.

The shadow cannot reach a publisher. A declared subscription is loaded there with
`connect = false` (PostgreSQL then makes no slot and copies nothing) and a connection
string that leads nowhere, then enabled as declared: the shadow's catalog is then what the
target's is after a correct apply (name, owner, publications, slot name, options, enabled).
What CREATE SUBSCRIPTION does beyond its catalog row (connecting, making the slot, copying
rows) is read from the statement's parse tree (`Declared`), for the plan to write it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pglast
from pglast import ast
from pglast.enums import AlterSubscriptionType, ObjectType
from pglast.parser import ParseError
from pglast.stream import RawStream

from creo_schema.errors import Location
from creo_schema.source.finding import Finding
from creo_schema.source.model import SourceFile

if TYPE_CHECKING:  # parse.py, which asts.py imports, imports this module
    from creo_schema.source.asts import Parsed

# Where the shadow's subscriptions "connect": a Unix socket path that does not exist, so
# that nothing could ever answer (the shadow starts no replication worker either:
# shadow/cluster.py SHADOW_SETTINGS).
SHADOW_CONNINFO = "host=/creo-schema/the-shadow-has-no-publisher"
# Options that act when the subscription is created, beyond its catalog row; the shadow
# leaves them out and says `connect = false` (which forbids them), then enables it.
CREATE_ONLY = frozenset({"connect", "create_slot", "copy_data", "enabled"})
_TRUE = frozenset({"true", "on", "1"})
_FALSE = frozenset({"false", "off", "0"})


@dataclass(frozen=True, slots=True)
class Declared:
    """What a CREATE SUBSCRIPTION does beyond its catalog row, as declared (PostgreSQL's
    defaults where the statement says nothing; `connect = false` turns the others off)."""

    name: str
    connect: bool
    create_slot: bool
    copy_data: bool
    enabled: bool
    slot_none: bool  # slot_name = NONE


def _value(element: ast.DefElem) -> str:
    """An option's value as text, lower case (`WITH (binary)` alone means true)."""
    arg = element.arg
    if arg is None:
        return "true"
    if isinstance(arg, ast.Boolean):
        return "true" if arg.boolval else "false"
    if isinstance(arg, ast.Integer):
        return str(arg.ival)
    if isinstance(arg, ast.TypeName):
        return str(getattr(arg.names[-1], "sval", "")).lower() if arg.names else ""
    return str(getattr(arg, "sval", arg)).lower()


def _options(node: ast.CreateSubscriptionStmt) -> dict[str, ast.DefElem]:
    return {str(o.defname).lower(): o for o in node.options or ()}


def _flag(options: Mapping[str, ast.DefElem], name: str, default: bool) -> bool:
    element = options.get(name)
    return default if element is None else _value(element) in _TRUE


def declared(node: ast.CreateSubscriptionStmt) -> Declared:
    options = _options(node)
    connect = _flag(options, "connect", True)
    slot = options.get("slot_name")
    return Declared(
        name=str(node.subname),
        connect=connect,
        create_slot=connect and _flag(options, "create_slot", True),
        copy_data=connect and _flag(options, "copy_data", True),
        enabled=connect and _flag(options, "enabled", True),
        slot_none=slot is not None and _value(slot) == "none",
    )


def declared_subscriptions(parsed: Iterable[Parsed]) -> dict[str, Declared]:
    """Each subscription schema/ declares, by name."""
    return {
        str(item.node.subname): declared(item.node)
        for item in parsed
        if isinstance(item.node, ast.CreateSubscriptionStmt)
    }


def shadow_sql(node: ast.CreateSubscriptionStmt) -> str:
    """The declaration as the shadow runs it (module docstring): written from the parse
    tree, the options that act at creation replaced by `connect = false`, then ENABLE."""
    kept = [o for o in node.options or () if str(o.defname).lower() not in CREATE_ONLY]
    kept.append(ast.DefElem(defname="connect", arg=ast.String(sval="false")))
    text = RawStream()(
        ast.CreateSubscriptionStmt(
            subname=node.subname,
            conninfo=SHADOW_CONNINFO,
            publication=node.publication,
            options=tuple(kept),
        )
    )
    if declared(node).enabled:
        enable = ast.AlterSubscriptionStmt(
            kind=AlterSubscriptionType.ALTER_SUBSCRIPTION_ENABLED,
            subname=node.subname,
            options=(ast.DefElem(defname="enabled", arg=ast.Boolean(boolval=True)),),
        )
        text += ";\n" + RawStream()(enable)  # a stream writes on from its last text
    return str(text)


# -- static rules ------------------------------------------------------------------------


def subscription_findings(
    parsed: list[Parsed], settings: Mapping[str, str] | None
) -> Iterator[Finding]:
    """What is wrong with the subscriptions schema/ declares, given `settings` (each
    configured subscription's conninfo_env; None when no configuration is at hand)."""
    first: dict[str, Parsed] = {}
    for item in parsed:
        node = item.node
        if isinstance(node, ast.CommentStmt) and node.objtype == ObjectType.OBJECT_SUBSCRIPTION:
            yield Finding(
                "error",
                "non-declarative",
                "COMMENT ON SUBSCRIPTION: a subscription's comment is not managed yet",
                item.statement.location,
                hint="keep the comment in the SQL file as a `--` comment instead",
            )
        if not isinstance(node, ast.CreateSubscriptionStmt):
            continue
        name = str(node.subname)
        earlier = first.setdefault(name, item)
        if earlier is not item:
            yield Finding(
                "error",
                "duplicate",
                f"subscription {name} is declared twice: here and at {earlier.statement.location}",
                item.statement.location,
                hint="keep one declaration: the desired state names each object once",
            )
        yield from _connection(item, node, settings)
        yield from _option_findings(item, node)


def _connection(
    item: Parsed, node: ast.CreateSubscriptionStmt, settings: Mapping[str, str] | None
) -> Iterator[Finding]:
    name = str(node.subname)
    setting = f"[subscriptions.{name}] conninfo_env"
    if node.conninfo:
        secret = "password" in str(node.conninfo).lower()
        why = "a password must never be in a file: " if secret else ""
        yield Finding(
            "error",
            "subscription-connection",
            f"subscription {name}: {why}its CONNECTION must be '' in schema/; the "
            f"connection string is read from the environment variable {setting} names",
            _at(item, getattr(node, "conninfo_location", -1)),
            hint=f"write CONNECTION '' and set {setting} = \"VARIABLE\" in the configuration",
        )
    if settings is not None and name not in settings:
        yield Finding(
            "error",
            "subscription-connection",
            f"subscription {name} has no {setting} setting: creo-schema would not know "
            "where to read its connection string from",
            item.statement.location,
            hint=f'add [subscriptions.{name}] with conninfo_env = "VARIABLE" to the '
            "configuration (creo-schema.toml or [tool.creo-schema] in pyproject.toml)",
        )


def _option_findings(item: Parsed, node: ast.CreateSubscriptionStmt) -> Iterator[Finding]:
    """The options the shadow leaves out (CREATE_ONLY) are checked here, since PostgreSQL
    will see them only on the target; slot_name = NONE as PostgreSQL checks it."""
    name = str(node.subname)
    options = _options(node)
    for option in sorted(CREATE_ONLY & options.keys()):
        if _value(options[option]) not in _TRUE | _FALSE:
            yield Finding(
                "error",
                "subscription-option",
                f"subscription {name}: {option} = {_value(options[option])} is not a boolean",
                _at(item, options[option].location),
                hint="write true or false",
            )
    facts = declared(node)
    if facts.slot_none and facts.connect and (facts.enabled or facts.create_slot):
        yield Finding(
            "error",
            "subscription-option",
            f"subscription {name}: slot_name = NONE needs enabled = false and "
            "create_slot = false (or connect = false): without a slot it cannot replicate",
            _at(item, options["slot_name"].location),
            hint="add enabled = false, create_slot = false, or name the slot",
        )


def _at(item: Parsed, offset: int | None) -> Location:
    if offset is None or offset < 0:
        return item.statement.location
    line, column = item.index.line_col(offset)
    return Location(item.statement.location.file, line, column)


# -- the names alone, cheaply --------------------------------------------------------------

_MAY_CREATE = re.compile(r"\bcreate\s+subscription\b", re.IGNORECASE)


def created_subscriptions(files: Iterable[SourceFile]) -> tuple[str, ...]:
    """The subscriptions the files declare, sorted (source/schemas.py's way: only the
    statements that say `create subscription` are parsed). A file that does not parse
    declares none here: the parse step reports it, located."""
    found: set[str] = set()
    for source in files:
        if not _MAY_CREATE.search(source.text):
            continue
        try:
            for text in pglast.parser.split(source.text, with_parser=False):
                if _MAY_CREATE.search(text):
                    tree = json.loads(pglast.parser.parse_sql_json(text))
                    for raw in tree.get("stmts", ()):
                        create = raw.get("stmt", {}).get("CreateSubscriptionStmt")
                        if isinstance(create, dict) and isinstance(create.get("subname"), str):
                            found.add(create["subname"])
        except ParseError:
            continue
    return tuple(sorted(found))


def created_subscriptions_in(schema_dir: Path) -> tuple[str, ...]:
    """`created_subscriptions` of every `.sql` file below `schema_dir` (none when it is
    missing: the command that reads schema/ reports that)."""
    from creo_schema.errors import InputError
    from creo_schema.source.discover import discover

    try:
        return created_subscriptions(discover(schema_dir))
    except InputError:
        return ()
