"""Session settings in schema files: the SET lines at the top of a pg_dump, and its
`SELECT pg_catalog.set_config('search_path', '', false)`.

They declare nothing, and statements are loaded in dependency order rather than file order,
so a SET could not mean what it says anyway. Those that cannot change what the declarations
around them mean (timeouts, encodings, the dump's defaults) are recognized here, reported as
information and left out of the load. Any other one (a search_path naming an application
schema, a role) stays an error: ignoring it would change what the file declares.
"""

from __future__ import annotations

from collections.abc import Iterable

from pglast import ast
from pglast.enums import VariableSetKind

# The statement kind a harmless session setting is given instead of its node's name.
SESSION_SETTING = "SessionSetting"

_ANY_VALUE = frozenset(
    {
        "statement_timeout",
        "lock_timeout",
        "idle_in_transaction_session_timeout",
        "idle_session_timeout",
        "transaction_timeout",
        "client_encoding",
        "client_min_messages",
        "check_function_bodies",
        "row_security",
        "default_with_oids",
        "escape_string_warning",
        "synchronous_commit",
        "maintenance_work_mem",
        "work_mem",
        "application_name",
    }
)
# Settings that change how later text is read or where objects go: only the values the
# load assumes anyway (the server's defaults, or a search path of built-in schemas).
_ONLY_VALUES = {
    "standard_conforming_strings": frozenset({"on", "true"}),
    "default_tablespace": frozenset({""}),
    "default_table_access_method": frozenset({"heap"}),
    "xmloption": frozenset({"content"}),
    "search_path": frozenset({"", "public", "pg_catalog", "$user"}),
}


def is_session_setting(node: ast.Node | None) -> bool:
    """Whether a top-level statement is a session setting that leaves the schema's meaning
    as it is (see above)."""
    if isinstance(node, ast.VariableSetStmt):
        if node.kind == VariableSetKind.VAR_RESET_ALL:
            return True
        if node.kind not in (
            VariableSetKind.VAR_SET_VALUE,
            VariableSetKind.VAR_SET_DEFAULT,
            VariableSetKind.VAR_RESET,
        ):
            return False
        values = None if node.kind != VariableSetKind.VAR_SET_VALUE else _values(node.args)
        return _harmless(str(node.name or "").lower(), values)
    if isinstance(node, ast.SelectStmt):
        return _set_config_call(node)
    return False


def _harmless(name: str, values: list[str] | None) -> bool:
    if name in _ANY_VALUE:
        return True
    allowed = _ONLY_VALUES.get(name)
    if allowed is None:
        return False
    return values is None or all(v.lower() in allowed for v in values)  # None: the default


def _values(args: Iterable[ast.Node] | None) -> list[str] | None:
    out = []
    for arg in args or ():
        value = getattr(arg, "val", None)
        if isinstance(value, ast.String):
            out.append(value.sval or "")
        elif isinstance(value, ast.Integer | ast.Float | ast.Boolean):
            out.append(str(getattr(value, "ival", getattr(value, "fval", ""))).lower())
        else:
            return None if value is None and getattr(arg, "isnull", False) else ["?"]
    return out


def _set_config_call(node: ast.SelectStmt) -> bool:
    """SELECT [pg_catalog.]set_config('name', 'value', false), and nothing else."""
    targets = node.targetList or ()
    if node.fromClause or node.whereClause or len(targets) != 1:
        return False
    call = targets[0].val
    args = (call.args or ()) if isinstance(call, ast.FuncCall) else ()
    if not isinstance(call, ast.FuncCall) or len(args) != 3:
        return False
    name = [getattr(n, "sval", "") for n in call.funcname or ()]
    if name not in (["set_config"], ["pg_catalog", "set_config"]):
        return False
    setting, value = _values(args[:2]) or ["", "?"]
    return _harmless(setting.lower(), [part.strip() for part in value.split(",")])
