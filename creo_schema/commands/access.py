"""`access` (and `test`'s database): schema/ loaded into a throwaway shadow database, as
`plan` loads it, then read: the catalog snapshot and the roles' facts, into the matrix.

Nothing is written anywhere but the temporary shadow database, dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from creo_schema.access import (
    Concern,
    Matrix,
    access_matrix,
    concerns,
    covered_roles,
    read_role_facts,
)
from creo_schema.catalog import snapshot
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.plan.timings import Progress, Timings
from creo_schema.platform import prelude_sql
from creo_schema.roles import known_roles, shadow_roles, target_roles_of
from creo_schema.shadow.load import load_statements
from creo_schema.shadow.select import open_shadow
from creo_schema.shadow.tempdb import ensure_roles, ensure_template, temporary_database
from creo_schema.source.load import load_source
from creo_schema.source.model import SourceSet


@dataclass(frozen=True)
class AccessResult:
    matrix: Matrix
    concerns: list[Concern]
    server_major: int
    timings: Timings


@dataclass(frozen=True)
class DesiredDatabase:
    url: str  # the loaded database
    admin_url: str  # its server, where copies of it can be made
    major: int
    source: SourceSet


@contextmanager
def desired_database(
    settings: Settings, progress: Progress | None = None, timings: Timings | None = None
) -> Iterator[DesiredDatabase]:
    """schema/ checked and loaded into a temporary shadow database (dropped on exit).

    The shadow is the one `plan` would pick: matching the target's major version when a
    target is configured (validate's rule), else the shadow provider's own.
    """
    from creo_schema.commands.validating import _shadow_major
    from creo_schema.plan.build import refuse_invalid

    timings = timings or Timings()
    with timings.step("parse", progress):
        source = load_source(settings.schema_dir)
        refuse_invalid(source, settings.platform, known_roles(settings, target_roles_of(settings)))
    major = _shadow_major(settings)
    with timings.step("shadow", progress):
        shadow = open_shadow(
            settings.shadow, major, accept_mismatch=settings.accept_version_mismatch
        )
        template = ensure_template(shadow.admin_url, prelude_sql(settings.platform))
        ensure_roles(shadow.admin_url, shadow_roles(source, settings))
    with temporary_database(shadow.admin_url, template) as url:
        with timings.step("load", progress) as count:
            load_statements(url, source, count=count)
        yield DesiredDatabase(url, shadow.admin_url, shadow.major, source)


def access(settings: Settings, progress: Progress | None = None) -> AccessResult:
    timings = Timings()
    with (
        desired_database(settings, progress, timings) as desired,
        timings.step("inspect", progress),
        connect(desired.url, autocommit=True) as conn,
    ):
        catalog = snapshot(conn, settings.managed_schemas, platform=settings.platform)
        facts = read_role_facts(conn)
    roles = covered_roles(catalog, facts, settings.platform)
    matrix = access_matrix(catalog, facts, roles, settings.exposed_schemas)
    return AccessResult(matrix, concerns(matrix), desired.major, timings)
