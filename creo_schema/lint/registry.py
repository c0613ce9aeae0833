"""Every lint rule, and running them: configured levels, disabled rules, in-place allows.

Configuration (given by the caller, read from settings by the command):
- `disabled`: rule names that do not run;
- `levels`: rule name -> "error" | "warning" | "info" | "off" ("off" is disabling);
- `exposed_schemas`: the schemas the Data API serves (Supabase's `pgrst.db_schemas`).
An unknown rule name in either is bad input (exit 2), with the nearest name suggested.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Collection, Mapping

from creo_schema.db import Connection
from creo_schema.errors import InputError
from creo_schema.lint.allow import read_allows
from creo_schema.lint.context import LintContext
from creo_schema.lint.finding import LEVELS, Finding, Level, sort_key
from creo_schema.lint.rule import Rule
from creo_schema.source.asts import Parsed

# One module per rule in creo_schema/lint/rules/, each defining `RULE`.
RULE_MODULES = (
    "rls_disabled_in_public",
    "rls_enabled_no_policy",
    "policy_exists_rls_disabled",
    "function_search_path_mutable",
    "security_definer_view",
    "auth_rls_initplan",
    "multiple_permissive_policies",
    "unindexed_foreign_keys",
    "duplicate_index",
    "no_primary_key",
    "extension_in_public",
    "rls_references_user_metadata",
    "auth_users_exposed",
    "no_grant_for_api_role",
)


def all_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for module_name in RULE_MODULES:
        module = importlib.import_module(f"creo_schema.lint.rules.{module_name}")
        rule: Rule = module.RULE
        assert rule.name == module_name, f"{module_name} defines {rule.name}"
        rules[rule.name] = rule
    return rules


def check_config(
    disabled: Collection[str] = (), levels: Mapping[str, str] | None = None
) -> dict[str, Level | None]:
    """The effective level of each rule (None: not run); bad names and levels are InputError."""
    rules = all_rules()
    effective: dict[str, Level | None] = {name: rule.level for name, rule in rules.items()}
    for name in disabled:
        _known(name, rules, "lint_disable")
        effective[name] = None
    for name, level in (levels or {}).items():
        _known(name, rules, "lint_levels")
        if level == "off":
            effective[name] = None
        elif level in LEVELS:
            effective[name] = level
        else:
            raise InputError(
                f"configuration key 'lint_levels': {name} = {level!r} is not a level",
                hint="use error, warning, info or off",
            )
    return effective


def _known(name: str, rules: Mapping[str, Rule], key: str) -> None:
    if name in rules:
        return
    close = difflib.get_close_matches(name, sorted(rules), n=1)
    raise InputError(
        f"configuration key {key!r}: no lint rule named {name!r}",
        hint=f"did you mean {close[0]!r}?" if close else f"rules: {', '.join(sorted(rules))}",
    )


def run_lints(
    parsed: list[Parsed],
    conn: Connection | None = None,
    *,
    disabled: Collection[str] = (),
    levels: Mapping[str, str] | None = None,
    exposed_schemas: tuple[str, ...] = ("public",),
) -> list[Finding]:
    """Run every enabled rule; with `conn=None` only the rules that need no database run."""
    effective = check_config(disabled, levels)
    rules = all_rules()
    ctx = LintContext(parsed, conn, exposed_schemas)
    allows = read_allows(parsed, rules)
    findings: list[Finding] = list(allows.problems)
    for name, rule in rules.items():
        level = effective[name]
        if level is None or (rule.needs_database and conn is None):
            continue
        for finding in rule.check(ctx):
            if allows.silences(finding):
                continue
            if levels and name in levels:
                finding = Finding(level, name, finding.message, finding.location, finding.hint)
            findings.append(finding)
    return sorted(findings, key=sort_key)
