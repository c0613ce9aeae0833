"""One plan's session: what every step of making and proving a plan shares.

The settings, one open connection to the target (and its URL), what the probe found
(plan/unchanged.py), the timings and progress, and the shadow server, opened the first
time a step needs it. Steps take the session instead of the dozen values it holds.
"""

from __future__ import annotations

from concurrent.futures import Future
from contextlib import ExitStack
from dataclasses import dataclass, field

from creo_schema.catalog import Inspection, Scope
from creo_schema.config import Settings
from creo_schema.db import Connection
from creo_schema.plan.timings import Progress, Timings
from creo_schema.plan.unchanged import Probe
from creo_schema.platform import prelude_sql
from creo_schema.shadow.select import ShadowServer, open_shadow
from creo_schema.shadow.tempdb import admin_sessions, ensure_roles, ensure_template, kept_desired


@dataclass
class PlanSession:
    """What the steps of one plan share: its settings, one connection to the target and
    what was probed of it, the timings, and the shadow, opened on first use."""

    settings: Settings
    target_url: str
    target: Connection  # the open connection to the target
    timings: Timings
    progress: Progress | None
    found: Probe
    major: int
    # What lives as long as the plan (make_plan closes it): the shadow's administrative
    # sessions, once it is open.
    held: ExitStack = field(repr=False)
    shadow: ShadowServer | None = None
    template: str = ""
    early: Future[Inspection] | None = field(default=None, repr=False)

    @property
    def prelude(self) -> str:
        return prelude_sql(self.settings.platform)

    def scope(self, extensions: tuple[str, ...]) -> Scope:
        """What the target is read as, and (without roles) the desired state."""
        settings = self.settings
        return Scope(
            settings.managed_schemas,
            extensions,
            managed_roles(settings),
            settings.platform,
            self.found.subscriptions,
        )

    def open_shadow(self) -> ShadowServer:
        if self.shadow is None:
            settings = self.settings
            self.shadow = open_shadow(
                settings.shadow,
                self.major,
                accept_mismatch=settings.accept_version_mismatch,
                idle_stop_s=settings.shadow_idle_stop_s,
            )
            self.held.enter_context(admin_sessions(self.shadow.admin_url))
            self.template = ensure_template(self.shadow.admin_url, self.prelude)
            # The shadow acts as the target's applier (db.acting_as), a superuser there: it
            # proves what the SQL does, not what the applier may do (plan/privileges.py).
            ensure_roles(self.shadow.admin_url, (), superusers=(self.found.applier,))
        return self.shadow

    def kept_desired(self) -> str | None:
        """The desired state's database kept on the shadow server, if it still is (the
        quick proof runs on it)."""
        return kept_desired(self.open_shadow().admin_url, self.found.desired_key)


def managed_roles(settings: Settings) -> tuple[str, ...]:
    """The roles plans manage (roles as code), none unless `manage_roles` is on."""
    return settings.managed_roles if settings.manage_roles else ()
