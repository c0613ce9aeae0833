"""Roles as code (`manage_roles = true`, plain PostgreSQL; issue 23) through the command line.

Each case is a change of schema/roles/ from a `before` to an `after` state: the `before`
state is applied, then the `after` one is planned (the statements expected in it checked),
applied, planned again (nothing left), rolled back (the `before` state back: its plan is
empty again). Roles belong to the cluster: every name carries the case's own prefix, and the
roles are dropped when the case ends. The shadow is a cluster of its own (in the other
tests the target's cluster is also the shadow, where roles would meet).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from psycopg import sql

from creo_schema.db import connect
from creo_schema.shadow.cluster import SHADOW_SETTINGS, Cluster
from creo_schema.shadow.providers import home_dir
from creo_schema.shadow.tempdb import temporary_database
from tests.conftest import _cluster
from tests.integration.cli import Project
from tests.integration.test_concurrent_shadows import _pristine

CONFIG = 'platform = "none"\nmanage_roles = true\n'


@dataclass(frozen=True)
class Servers:
    target: Cluster
    shadow: Cluster

    @property
    def major(self) -> int:
        with connect(self.target.uri(), autocommit=True) as conn:
            return int(conn.info.server_version) // 10000


@pytest.fixture(scope="module", params=["pg18", "pg15"])
def servers(request: pytest.FixtureRequest) -> Iterator[Servers]:
    """The target's cluster, and a shadow cluster of the same major version of its own."""
    target = _cluster(request.param)
    folder = Path(tempfile.mkdtemp(prefix="roles-shadow-", dir=home_dir()))
    folder.chmod(0o755)  # the server may run as another OS user
    subprocess.run(["cp", "-a", str(_pristine(target.bin_dir)), str(folder)], check=True)
    shadow = Cluster(target.bin_dir, folder / "shadow", SHADOW_SETTINGS)
    try:
        shadow.ensure_running()
        yield Servers(target, shadow)
    finally:
        shadow.stop()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class RoleProject:
    project: Project
    servers: Servers
    prefix: str
    made: list[str] = field(default_factory=list)

    def roles(self, files: dict[str, str]) -> None:
        folder = self.project.root / "schema" / "roles"
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in files.items():
            self.project.write(f"roles/{name}", text.replace("@", self.prefix))

    def run(self, *args: str) -> tuple[int, str]:
        result = self.project.run(*args)
        return result.exit_code, result.stdout + result.stderr

    def ok(self, *args: str) -> str:
        code, output = self.run(*args)
        assert code == 0, output
        return output


def _drop_roles(url: str, prefix: str) -> None:
    with connect(url, autocommit=True) as conn:
        names = conn.execute(
            "select rolname from pg_roles where starts_with(rolname, %s)", (prefix,)
        ).fetchall()
        for (name,) in names:
            conn.execute(sql.SQL("drop role {}").format(sql.Identifier(name)))


@pytest.fixture
def roles_project(servers: Servers, tmp_path: Path, request: pytest.FixtureRequest):
    prefix = "rc_" + request.node.name.split("[")[0].removeprefix("test_")[:20] + "_"
    _drop_roles(servers.target.uri(), prefix)
    with temporary_database(servers.target.uri(), None) as url:
        (tmp_path / "creo-schema.toml").write_text(CONFIG + f'shadow = "{servers.shadow.uri()}"\n')
        project = Project(tmp_path, url)
        project.write("app.sql", "create table public.t (id int primary key);\n")
        yield RoleProject(project, servers, prefix)
    _drop_roles(servers.target.uri(), prefix)


ALLOW = ("--allow-hazard", "weakens_security", "--allow-hazard", "drops_role")


@dataclass(frozen=True)
class Case:
    before: str  # schema/roles/app.sql before ("" for none); `@` is the case's prefix
    after: str
    up: tuple[str, ...]  # statements the plan from `before` to `after` holds
    down: tuple[str, ...] = ()  # and its rollback
    hazards: tuple[str, ...] = ()  # hazards the migration carries
    min_major: int = 15


CASES = {
    "create_with_attributes": Case(
        "",
        "create role @a with login createdb connection limit 3 valid until '2030-01-01 12:00+00';\n",
        (
            "create role @a with createdb login connection limit 3 valid until "
            "'2030-01-01T12:00:00.000000Z';",
        ),
        ("drop role @a;",),
        ("weakens_security",),
    ),
    "widen_attributes": Case(
        "create role @a;\n",
        "create role @a with login bypassrls createrole;\n",
        ("alter role @a with createrole login bypassrls;",),
        ("alter role @a with nocreaterole nologin nobypassrls;",),
        ("weakens_security",),
    ),
    "narrow_attributes": Case(
        "create role @a with login createdb noinherit connection limit 2;\n",
        "create role @a;\n",
        ("alter role @a with nocreatedb inherit nologin connection limit -1;",),
        ("alter role @a with createdb noinherit login connection limit 2;",),
    ),
    "valid_until_removed": Case(
        "create role @a valid until '2031-06-01 00:00:00+00';\n",
        "create role @a;\n",
        ("alter role @a with valid until 'infinity';",),
        ("alter role @a with valid until '2031-06-01T00:00:00.000000Z';",),
    ),
    "settings": Case(
        "create role @a;\nalter role @a set work_mem = '8MB';\n"
        "alter role @a set statement_timeout = 5000;\n",
        "create role @a;\nalter role @a set work_mem = '16MB';\n"
        'alter role @a set search_path = app, "My Schema", public;\n',
        (
            "alter role @a reset statement_timeout;",
            "alter role @a set search_path = 'app', 'My Schema', 'public';",
            "alter role @a set work_mem = '16MB';",
        ),
        ("alter role @a reset search_path;", "alter role @a set statement_timeout = '5000';"),
    ),
    "membership_granted": Case(
        "create role @g;\ncreate role @m;\n",
        "create role @g;\ncreate role @m;\ngrant @g to @m with admin option;\n",
        ("grant @g to @m",),
        ("revoke @g from @m;",),
        ("weakens_security",),
    ),
    "membership_options": Case(
        "create role @g;\ncreate role @m;\ngrant @g to @m;\n",
        "create role @g;\ncreate role @m;\ngrant @g to @m with inherit false, set false;\n",
        ("grant @g to @m with inherit false, set false;",),
        ("grant @g to @m with inherit true, set true;",),
        min_major=16,
    ),
    "membership_clauses": Case(
        "",
        "create role @parent;\ncreate role @child in role @parent;\n"
        "create role @boss admin @child;\n",
        (
            "create role @parent;",
            "create role @child;",
            "grant @parent to @child",
            "grant @boss to @child",
        ),
        ("drop role @boss;", "drop role @child;", "drop role @parent;"),
        ("weakens_security",),
    ),
    "comment": Case(
        "create role @a;\ncomment on role @a is 'old';\n",
        "create role @a;\ncomment on role @a is 'it''s new';\n",
        ("comment on role @a is 'it''s new';",),
        ("comment on role @a is 'old';",),
    ),
    "comment_removed": Case(
        "create role @a;\ncomment on role @a is 'old';\n",
        "create role @a;\n",
        ("comment on role @a is null;",),
        ("comment on role @a is 'old';",),
    ),
    "drop_role": Case(
        "create role @g;\ncreate role @old with login connection limit 4;\n"
        "alter role @old set work_mem = '4MB';\ngrant @g to @old;\n",
        "create role @g;\n",
        ("drop role @old;",),
        (
            "create role @old with login connection limit 4;",
            "alter role @old set work_mem = '4MB';",
            "grant @g to @old",
        ),
        ("drops_role",),
    ),
    "membership_revoked": Case(
        "create role @g;\ncreate role @m;\ngrant @g to @m;\n",
        "create role @g;\ncreate role @m;\n",
        ("revoke @g from @m;",),
        ("grant @g to @m",),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(roles_project: RoleProject, name: str) -> None:
    """Plan, apply, plan again (empty), roll back, and the `before` state is back."""
    case, p = CASES[name], roles_project
    if p.servers.major < case.min_major:
        pytest.skip(f"PostgreSQL {case.min_major} syntax")
    fill = lambda text: text.replace("@", p.prefix)  # noqa: E731
    p.roles({"app.sql": case.before} if case.before else {})
    p.ok("apply", "--auto-approve", *ALLOW)
    p.roles({"app.sql": case.after})

    planned = p.project.run("plan", "--format", "json", *ALLOW)
    assert planned.exit_code == 0, planned.stdout + planned.stderr
    plan = json.loads(planned.stdout)
    up = [s["sql"] for s in plan["statements"]]
    down = [s["sql"] for s in plan["rollback"]]
    for expected in case.up:
        assert any(fill(expected).rstrip(";") in s for s in up), (expected, up)
    for expected in case.down:
        assert any(fill(expected).rstrip(";") in s for s in down), (expected, down)
    hazards = {h for s in plan["statements"] for h in s["hazards"]}
    assert hazards == set(case.hazards), hazards
    assert plan["verification"]["verified"], plan["verification"]

    p.ok("apply", "--auto-approve", *ALLOW)
    assert "No changes" in p.ok("plan")
    p.ok("rollback", "--auto-approve", *ALLOW)
    p.roles({"app.sql": case.before} if case.before else {})
    assert "No changes" in p.ok("plan")
