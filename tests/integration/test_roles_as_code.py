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
from psycopg.conninfo import make_conninfo

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


def _case_params() -> list[object]:
    """Each case on 18 and 15, but for syntax 15 lacks (not collected there)."""
    return [
        pytest.param(name, id=name, marks=pytest.mark.min_server(CASES[name].min_major))
        for name in sorted(CASES)
    ]


@pytest.mark.parametrize("name", _case_params())
def test_case(roles_project: RoleProject, name: str) -> None:
    """Plan, apply, plan again (empty), roll back, and the `before` state is back."""
    case, p = CASES[name], roles_project
    fill = lambda text: text.replace("@", p.prefix)  # noqa: E731
    p.roles({"app.sql": case.before} if case.before else {})
    p.ok("apply", "--auto-approve", *ALLOW)
    p.roles({"app.sql": case.after})

    saved = p.project.root / "plan.json"
    planned = p.project.run("plan", "--format", "json", "--out", str(saved), *ALLOW)
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

    p.ok("apply", str(saved), "--auto-approve", *ALLOW)
    assert "No changes" in p.ok("plan")
    p.ok("rollback", "--auto-approve", *ALLOW)
    p.roles({"app.sql": case.before} if case.before else {})
    assert "No changes" in p.ok("plan")


def _located(expected: str, text: str, prefix: str) -> str:
    """`expected` with the prefix filled in, and `<marker>` as the column where the marker
    starts on its line of `text` (the prefix shifts columns)."""
    filled = expected.replace("@", prefix)
    if "<" not in filled:
        return filled
    marker = filled[filled.index("<") + 1 : filled.index(">")]
    line = next(li for li in text.replace("@", prefix).splitlines() if marker in li)
    return filled.replace(f"<{marker}>", str(line.index(marker) + 1))


BAD_ROLE_FILES = {
    "password": (
        "create role @a;\ncreate role @b with login password 'hunter2';\n",
        "app.sql:2:<'hunter2'>: role @b has a password written in the file",
    ),
    "drop": (
        "create role @a;\ndrop role @a;\n",
        "app.sql:2:1: DropRoleStmt is not a role declaration",
    ),
    "revoke": (
        "create role @a;\n  revoke @a from @b;\n",
        "app.sql:2:3: REVOKE removes a membership",
    ),
    "attributes_altered": (
        "create role @a;\nalter role @a with login;\n",
        "app.sql:2:1: AlterRoleStmt is not a role declaration",
    ),
    "in_database": (
        "create role @a;\nalter role @a in database current set work_mem = '1MB';\n",
        "app.sql:2:1: a setting of role @a IN DATABASE current is not managed (yet)",
    ),
    "reset": (
        "create role @a;\nalter role @a reset work_mem;\n",
        "app.sql:2:1: ALTER ROLE @a RESET",
    ),
    "twice": ("create role @a;\n\ncreate role @a;\n", "app.sql:3:1: role @a is declared twice"),
    "names_a_role_nowhere": (
        "create role @a;\ncreate role @b in role @nowhere;\n",
        "app.sql:2:1: role @nowhere is neither declared in schema/roles/ nor on the target",
    ),
    "undeclared_setting": (
        "alter role @z set work_mem = '1MB';\n",
        "app.sql:1:1: role @z is not declared in schema/roles/",
    ),
    "a_table": ("create table public.x (id int);\n", "app.sql:1:1: CreateStmt is not a role"),
    "unknown_setting": (
        "create role @a;\nalter role @a set no_such_setting = 1;\n",
        'app.sql:2:1: unrecognized configuration parameter "no_such_setting"',
    ),
}


@pytest.mark.min_server(18)  # the same checks on 15 (no server is asked but for the last)
@pytest.mark.parametrize("name", sorted(BAD_ROLE_FILES))
def test_bad_role_file(roles_project: RoleProject, name: str) -> None:
    """Each is one located line, exit 2, and the target untouched."""
    p = roles_project
    text, expected = BAD_ROLE_FILES[name]
    p.roles({"app.sql": text})
    code, output = p.run("plan")
    assert code == 2, output
    assert _located(expected, text, p.prefix) in output, output
    if name == "unknown_setting":  # the one only a server can judge: validate asks it too
        code, output = p.run("validate")
        assert code == 2, output
        assert 'app.sql:2:1: error roles: unrecognized configuration parameter "no_such' in output
    assert "Traceback" not in output
    assert p.project.query(f"select count(*) from pg_roles where rolname like '{p.prefix}%'") == [
        (0,)
    ]


@pytest.mark.min_server(18)  # no server involved
def test_the_setting_and_the_folder(roles_project: RoleProject, tmp_path: Path) -> None:
    """manage_roles is plain PostgreSQL's; schema/roles/ without it, or a role statement
    outside it, is bad input naming the setting or the place."""
    p = roles_project
    config = tmp_path / "creo-schema.toml"
    p.roles({"app.sql": "create role @a;\n"})
    config.write_text('platform = "supabase"\nmanage_roles = true\n')
    code, output = p.run("plan")
    assert code == 2, output
    assert "manage_roles" in output and "plain PostgreSQL" in output, output

    config.write_text('platform = "none"\n')
    code, output = p.run("plan")
    assert code == 2, output
    assert "roles/app.sql:1:1: " in output and "manage_roles = true" in output, output

    config.write_text(CONFIG + f'shadow = "{p.servers.target.uri()}"\n')
    code, output = p.run("plan")
    assert code == 2, output
    assert "the shadow server is the target's own" in output, output

    config.write_text(CONFIG)
    p.project.write("more.sql", "create table public.u (id int);\n\ncreate role x;\n")
    code, output = p.run("validate")
    assert code == 2, output
    assert "more.sql:3:1:" in output and "manage_roles = true" in output, output


@pytest.mark.only_server(15)  # PostgreSQL 15's refusal
def test_inherit_option_on_15(roles_project: RoleProject) -> None:
    p = roles_project
    p.roles({"app.sql": "create role @g;\ncreate role @m;\ngrant @g to @m with inherit false;\n"})
    code, output = p.run("plan")
    assert code == 2, output
    expected = (
        "app.sql:3:<inherit false>: a membership's INHERIT and SET options need PostgreSQL 16"
    )
    assert _located(expected, "\n\ngrant @g to @m with inherit false", p.prefix) in output


@pytest.mark.min_server(18)  # no difference on 15
def test_never_the_applier(roles_project: RoleProject) -> None:
    p = roles_project
    p.roles({"app.sql": "create role @a;\ncreate role postgres;\n"})
    code, output = p.run("plan")
    assert code == 2, output
    assert "app.sql:2:1: role postgres applies plans: it is never managed" in output


def test_a_role_that_owns_objects_is_not_dropped(roles_project: RoleProject) -> None:
    """Removed from schema/roles/, the role would be dropped; it owns a table outside the
    managed schemas (and holds a privilege there): refused by name, nothing changed."""
    p = roles_project
    p.roles({"app.sql": "create role @keeper;\ncreate role @old;\n"})
    p.ok("apply", "--auto-approve")
    p.project.execute(
        f"create schema other; create table other.kept (id int); "
        f"alter table other.kept owner to {p.prefix}old; "
        f"grant select on other.kept to {p.prefix}keeper"
    )
    p.roles({"app.sql": "create role @keeper;\n"})
    code, output = p.run("plan", *ALLOW)
    assert code == 4, output
    assert (
        f"a role the plan drops cannot go: role {p.prefix}old owns or holds privileges on "
        in output
    )
    assert "table other.kept" in output, output
    assert p.project.query(f"select count(*) from pg_roles where rolname = '{p.prefix}old'") == [
        (1,)
    ]
    p.project.execute("drop schema other cascade")


def test_a_createrole_applier(roles_project: RoleProject) -> None:
    """An applier with CREATEROLE and no superuser: a superuser role is refused by name at
    plan time; a plain one is created, managed (its creator's ADMIN membership is the
    applier's own, never compared) and dropped again."""
    p = roles_project
    applier = f"{p.prefix}applier"
    p.project.execute(f"create role {applier} login createrole")
    database = p.project.query("select current_database()")[0][0]
    p.project.execute(f'alter database "{database}" owner to {applier}')
    p.project.url = make_conninfo(p.project.url, user=applier)

    p.roles({"app.sql": "create role @sup with superuser;\n"})
    code, output = p.run("plan", *ALLOW)
    assert code == 4, output
    assert f"the applying role {applier} may not do: create role {p.prefix}sup" in output, output
    assert "(a superuser role is a superuser's)" in output

    p.roles(
        {
            "app.sql": "create role @plain with login;\ncreate role @group;\ngrant @group to @plain;\n"
        }
    )
    p.ok("apply", "--auto-approve", *ALLOW)
    assert "No changes" in p.ok("plan")
    p.ok("rollback", "--auto-approve", "--allow-destructive", *ALLOW)
    assert p.project.query(f"select count(*) from pg_roles where rolname like '{p.prefix}%'") == [
        (1,)  # the applier alone
    ]


def test_a_role_changed_by_hand(roles_project: RoleProject) -> None:
    """A managed role changed on the target is drift; a plan made before the change is
    stale for `apply`; a new plan puts the declared state back."""
    p = roles_project
    p.roles({"app.sql": "create role @a;\nalter role @a set work_mem = '2MB';\n"})
    saved = p.project.root / "plan.json"
    p.ok("plan", "--out", str(saved))
    p.ok("apply", str(saved), "--auto-approve")
    p.roles({"app.sql": "create role @a with connection limit 3;\n"})
    p.ok("plan", "--out", str(saved))
    p.project.execute(f"alter role {p.prefix}a with createdb")

    code, output = p.run("apply", str(saved), "--auto-approve")
    assert code == 4, output
    assert "the target changed since this plan was made" in output, output
    code, output = p.run("drift")
    assert code == 1, output
    assert f"alter role {p.prefix}a with nocreatedb connection limit 3" in output, output
    code, output = p.run("drift", "--format", "json")
    assert code == 1 and "Traceback" not in output, output
    p.ok("apply", "--auto-approve")
    assert p.project.query(
        f"select rolcreatedb, rolconnlimit from pg_roles where rolname = '{p.prefix}a'"
    ) == [(False, 3)]


def test_a_rename_beside_managed_roles(roles_project: RoleProject) -> None:
    """A rename is diffed from a renamed copy of the target: that copy carries the target's
    managed roles too, or the plan would create roles that exist."""
    p = roles_project
    p.roles({"app.sql": "create role @a;\n"})
    p.ok("apply", "--auto-approve")
    p.project.write(
        "app.sql", "-- creo:renamed-from t\ncreate table public.u (id int primary key);\n"
    )

    planned = p.ok("plan")
    assert "alter table public.t rename to u" in planned, planned
    assert "create role" not in planned, planned
    p.ok("apply", "--auto-approve")
    assert p.project.query("select to_regclass('public.t'), to_regclass('public.u')::text") == [
        (None, "u")
    ]
    code, output = p.run("drift")
    assert code == 0, output
