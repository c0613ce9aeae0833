"""Is a column type change a widening? Whether values can be cut, and whether rows are rewritten.

`ALTER COLUMN ... TYPE` to a type that can hold less (bigint -> integer, varchar(200) ->
varchar(50), numeric(12,2) -> numeric(10,2)) may cut or round values: deletes_data. Going
the other way loses nothing, and some widenings are binary-coercible, so PostgreSQL changes
only the catalog (varchar(n) -> varchar(m >= n) or text, numeric(p,s) -> numeric(p' >= p,
s) or unconstrained numeric): no rewrite. Without the old type (a column the plan itself
creates, or no inspection at hand) every change to a type that can be narrowed counts as
narrowing, and every change as a rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pglast import ast

# Types a column can be changed to with values cut or rounded.
_NARROWABLE = frozenset({"int2", "int4", "float4", "varchar", "bpchar", "numeric", "bit", "varbit"})

# format_type() names -> the internal names a parsed TypeName carries.
_INTERNAL = {
    "smallint": "int2",
    "integer": "int4",
    "bigint": "int8",
    "real": "float4",
    "double precision": "float8",
    "character varying": "varchar",
    "character": "bpchar",
    "bit varying": "varbit",
}

# Decimal digits an integer type needs, to fit in numeric(p, s) with p - s >= them.
_INTEGER_DIGITS = {"int2": 5, "int4": 10, "int8": 19}

_FORMATTED = re.compile(r"^(?P<base>[a-z ]+?)(?:\((?P<mods>[0-9, ]+)\))?$")


@dataclass(frozen=True)
class TypeChange:
    narrows: bool  # values may be cut or rounded
    rewrites: bool  # every row is rewritten (and every index rebuilt)


@dataclass(frozen=True)
class _Type:
    base: str  # internal name: int4, varchar, numeric, ...
    mods: tuple[int, ...]  # typmods: (length,) or (precision, scale); () when unconstrained


def type_change(old_formatted: str | None, column_def: ast.Node | None) -> TypeChange:
    """The change from `old_formatted` (format_type() text) to the type `column_def` names."""
    new = _parsed(getattr(column_def, "typeName", None))
    old = _formatted(old_formatted)
    if new is None:
        return TypeChange(narrows=False, rewrites=True)
    if old is None:
        return TypeChange(narrows=new.base in _NARROWABLE, rewrites=True)
    return TypeChange(
        narrows=new.base in _NARROWABLE and not _holds(old, new),
        rewrites=not _binary_coercible(old, new),
    )


def formatted_change(old_formatted: str | None, new_formatted: str) -> TypeChange:
    """The change between two types as format_type() writes them (both sides' catalogs)."""
    old, new = _formatted(old_formatted), _formatted(new_formatted)
    if new is None:
        return TypeChange(narrows=False, rewrites=True)
    if old is None:
        return TypeChange(narrows=new.base in _NARROWABLE, rewrites=True)
    return TypeChange(
        narrows=new.base in _NARROWABLE and not _holds(old, new),
        rewrites=not _binary_coercible(old, new),
    )


def _holds(old: _Type, new: _Type) -> bool:
    """Every value of `old` is a value of `new`."""
    if old.base == new.base:
        if old.base == "numeric":
            return _numeric_holds(old.mods, new.mods)
        if old.base in ("varchar", "varbit"):
            return not new.mods or (bool(old.mods) and new.mods[0] >= old.mods[0])
        return old.mods == new.mods
    if old.base == "int2" and new.base == "int4":
        return True
    if old.base in _INTEGER_DIGITS and new.base == "numeric":
        return not new.mods or _integer_digits(new.mods) >= _INTEGER_DIGITS[old.base]
    if old.base == "text" and new.base == "varchar":
        return not new.mods
    return False


def _binary_coercible(old: _Type, new: _Type) -> bool:
    """PostgreSQL changes the catalog only, no row is rewritten."""
    if old.base in ("varchar", "text") and new.base == "text":
        return True
    if old.base == "text" and new.base == "varchar":
        return not new.mods
    if old.base == new.base == "varchar":
        return _holds(old, new)
    if old.base == new.base == "numeric":
        # Same scale, precision not lowered; or the limit removed.
        return not new.mods or (
            bool(old.mods) and _scale(new.mods) == _scale(old.mods) and new.mods[0] >= old.mods[0]
        )
    return False


def _numeric_holds(old: tuple[int, ...], new: tuple[int, ...]) -> bool:
    if not new:
        return True
    if not old:
        return False
    return _scale(new) >= _scale(old) and _integer_digits(new) >= _integer_digits(old)


def _scale(mods: tuple[int, ...]) -> int:
    return mods[1] if len(mods) > 1 else 0


def _integer_digits(mods: tuple[int, ...]) -> int:
    return mods[0] - _scale(mods)


def _formatted(text: str | None) -> _Type | None:
    if not text or text.endswith("]"):
        return None  # unknown, or an array: judged conservatively
    match = _FORMATTED.match(text.strip())
    if not match:
        return None
    base = match["base"].strip()
    mods = tuple(int(m) for m in match["mods"].split(",")) if match["mods"] else ()
    return _Type(_INTERNAL.get(base, base), mods)


def _parsed(type_name: ast.TypeName | None) -> _Type | None:
    if type_name is None or type_name.arrayBounds:
        return None
    assert type_name.names  # the parser names every type
    base = type_name.names[-1].sval
    mods = []
    for mod in type_name.typmods or ():
        value = getattr(getattr(mod, "val", None), "ival", None)
        if value is None:
            return None
        mods.append(int(value))
    return _Type(base, tuple(mods))
