"""Test clusters laid out like managed hosts, where the role that applies is no superuser.

- **Supabase-like** (PostgreSQL 18): the bootstrap superuser is `supabase_admin`; `postgres`
  has LOGIN CREATEROLE CREATEDB BYPASSRLS, is no superuser, and owns each database; the
  platform's schemas (the prelude: `auth`, `extensions`) are `supabase_admin`'s, auth.users
  is `supabase_auth_admin`'s.
- **RDS-like** (PostgreSQL 15): the bootstrap superuser is `rdsadmin`; the master user
  `master` has LOGIN CREATEROLE CREATEDB, is no superuser, and owns each database. A
  database made with the Supabase prelude (the scenario corpus is written against it) gives
  `master` what Supabase gives `postgres`, by membership in a NOLOGIN `postgres`.

Each cluster lives in the tests' temporary home, started once per session and worker.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from psycopg import sql
from psycopg.conninfo import make_conninfo

from creo_schema.db import connect, database_name
from creo_schema.platform import prelude_sql
from creo_schema.shadow.cluster import SHADOW_SETTINGS, Cluster
from creo_schema.shadow.tempdb import ensure_template, temporary_database

_LAYOUTS = {
    # kind: (bootstrap superuser, applier, the applier's attributes)
    "supabase": ("supabase_admin", "postgres", "login createrole createdb bypassrls"),
    "rds": ("rdsadmin", "master", "login createrole createdb"),
}


@dataclass
class Hosted:
    """A cluster whose applier is `applier`, not its superuser; the databases it makes are
    dropped by `close`."""

    kind: str
    cluster: Cluster
    applier: str
    _open: ExitStack = field(default_factory=ExitStack)

    @property
    def admin_url(self) -> str:
        return self.cluster.uri()

    def make_db(self, platform: str = "supabase") -> tuple[str, str]:
        """A fresh database owned by the applier, with `platform`'s prelude: (the applier's
        URL, the superuser's URL)."""
        admin = self.admin_url
        prelude = platform != "none"
        template = ensure_template(admin, prelude_sql(platform)) if prelude else None
        url = self._open.enter_context(temporary_database(admin, template))
        with connect(admin, autocommit=True) as conn:
            if prelude:
                # Supabase lets `postgres` drop its triggers on auth.users, which it does not
                # own, through supautils' drop_trigger_grants; these clusters have no
                # supautils, and a membership stands in for it.
                conn.execute("grant supabase_auth_admin to postgres")
                if self.applier != "postgres":
                    conn.execute(
                        sql.SQL("grant postgres to {}").format(sql.Identifier(self.applier))
                    )
            conn.execute(
                sql.SQL("alter database {} owner to {}").format(
                    sql.Identifier(database_name(url)), sql.Identifier(self.applier)
                )
            )
        return make_conninfo(url, user=self.applier), url

    def close(self) -> None:
        self._open.close()


def start_hosted(kind: str, bin_dir: Path, home: Path) -> Hosted:
    superuser, applier, attributes = _LAYOUTS[kind]
    cluster = Cluster(bin_dir, home / f"hosted-{kind}", SHADOW_SETTINGS, superuser=superuser)
    cluster.ensure_running()
    with connect(cluster.uri(), autocommit=True) as conn:
        # The Supabase prelude's roles part grants the API roles to `postgres`.
        for name, spec in ((applier, attributes), ("postgres", "nologin")):
            found = conn.execute("select 1 from pg_roles where rolname = %s", (name,))
            if found.fetchone() is None:
                conn.execute(
                    sql.SQL("create role {} " + spec).format(sql.Identifier(name))  # type: ignore[arg-type]
                )
    return Hosted(kind, cluster, applier)
