"""The Creo schema's access rules, declared in schema/tests/, pass on PostgreSQL 18 and 15;
and each planted mistake makes the tests that guard against it fail."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from creo_schema.cli import cli
from creo_schema.shadow.cluster import Cluster
from tests.conftest import ROOT


def _test(schema: Path, target: str, shadow: str) -> Result:
    args = ["--config", str(ROOT / "pyproject.toml"), "--schema-dir", str(schema)]
    args += ["--database-url", target, "--shadow", shadow, "test"]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_the_creo_schema_tests_pass_on_15(make_db, pg15: Cluster) -> None:
    """On 18 they run below, where all but the tests of the planted mistakes must pass."""
    result = _test(ROOT / "schema", make_db(cluster=pg15), pg15.uri())
    assert result.exit_code == 0, result.output
    assert result.stdout == "335 passed, 0 failed (335 tests in 2 files).\n"


# Each mistake: the file, the text replaced, what replaces it.
PLANTED = {
    "a missing policy": (
        "policies/orders.sql",
        "create policy orders_select on public.orders\n  for select to authenticated\n"
        "  using (user_id = (select auth.uid()) or (select private.is_admin()));\n",
        "",
    ),
    "a GRANT to anon": (
        "grants/tables.sql",
        "grant select on table public.payments to authenticated;",
        "grant select on table public.payments to authenticated, anon;",
    ),
    "a view without security_invoker": (
        "views/user_dashboard.sql",
        "with (security_invoker = true)",
        "",
    ),
    "a SECURITY DEFINER function executable by anon": (
        "grants/functions.sql",
        "grant execute on function public.get_user_credits(uuid) to authenticated, service_role;",
        "grant execute on function public.get_user_credits(uuid) to anon, authenticated, service_role;",
    ),
}


def test_each_planted_mistake_fails_its_tests(make_db, pg18: Cluster, tmp_path: Path) -> None:
    schema = tmp_path / "schema"
    shutil.copytree(ROOT / "schema", schema)
    for path, old, new in PLANTED.values():
        text = (schema / path).read_text()
        assert old in text, path
        (schema / path).write_text(text.replace(old, new))
    result = _test(schema, make_db(), pg18.uri())
    assert result.exit_code == 1, result.output
    failed = {
        line.split(": FAIL ")[1].split(": expected")[0] for line in result.stdout.splitlines()[:-1]
    }
    assert failed == {
        # the missing policy: owner and admin no longer see nor update the order
        "orders: select [owner]",
        "orders: select [admin]",
        "orders: update [owner]",
        "orders: update [admin]",
        "user_dashboard: the owner's counts [owner]",
        "admin_dashboard: totals [admin]",  # the admin no longer sees the order either
        # the grant to anon: permission denied no more (RLS still finds no row)
        "payments: select [anon]",
        # the view without security_invoker: everyone's rows for every caller
        "user_dashboard: rows [owner]",
        "user_dashboard: rows [other]",
        # the SECURITY DEFINER function anon may execute
        "credits: get_user_credits [anon]",
    }, result.stdout
