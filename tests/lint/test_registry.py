"""Running the rules: in-place allows (reason required), configured levels and disabled rules."""

from __future__ import annotations

from typing import Any

import pytest

from creo_schema.errors import InputError
from creo_schema.lint.registry import all_rules, check_config, run_lints
from creo_schema.source.asts import parsed_statements
from tests.lint.runner import lint_sql, source_of

NO_PK = "create schema private;\n{comment}create table private.events (at timestamptz);\n"


def _rules(findings: list[Any]) -> list[tuple[str, str]]:
    return [(f.rule, f.level) for f in findings]


def test_every_rule_documents_itself() -> None:
    for name, rule in all_rules().items():
        doc = rule.doc()
        assert "**Anti-pattern**" in doc and "**Best practice**" in doc, name
        assert rule.level in ("error", "warning", "info")
        # The Supabase advisor it follows, or a summary saying it follows none.
        assert rule.summary() and (rule.advisor or "not a Supabase advisor" in rule.summary())


def test_allow_with_reason_silences_only_that_rule(make_db: Any) -> None:
    sql = NO_PK.format(comment="-- creo:allow no_primary_key append-only log, never updated\n")
    assert _rules(lint_sql(make_db(), sql)) == []


def test_allow_without_reason_is_an_error_and_silences_nothing(make_db: Any) -> None:
    sql = NO_PK.format(comment="-- creo:allow no_primary_key\n")
    findings = lint_sql(make_db(), sql)
    assert _rules(findings) == [("allow-comment", "error"), ("no_primary_key", "info")]
    assert findings[0].message == "creo:allow no_primary_key needs a reason"


def test_allow_naming_an_unknown_rule_suggests_the_nearest(make_db: Any) -> None:
    sql = NO_PK.format(comment="-- creo:allow no_primary_keys it is fine\n")
    findings = lint_sql(make_db(), sql)
    assert _rules(findings)[0] == ("allow-comment", "error")
    assert findings[0].hint == "did you mean no_primary_key?"


def test_levels_and_disabled_rules_are_configurable(make_db: Any) -> None:
    sql = NO_PK.format(comment="")
    url = make_db()
    assert _rules(lint_sql(url, sql, levels={"no_primary_key": "error"})) == [
        ("no_primary_key", "error")
    ]
    # the shadow already holds the case: lint again without loading it twice
    parsed = parsed_statements(source_of(sql))
    assert run_lints(parsed, None, disabled=["no_primary_key"]) == []
    assert check_config(levels={"no_primary_key": "off"})["no_primary_key"] is None


@pytest.mark.parametrize(
    ("disabled", "levels", "message"),
    [
        (["no_primary_keys"], None, "did you mean 'no_primary_key'?"),
        ([], {"no_primary_key": "fatal"}, "is not a level"),
    ],
)
def test_bad_lint_configuration_is_input_error(
    disabled: list[str], levels: dict[str, str] | None, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        check_config(disabled, levels)
    assert message in caught.value.message + (caught.value.hint or "")


def test_ast_rules_run_without_a_database() -> None:
    sql = (
        "create table public.t (id int primary key, u uuid);\n"
        "create policy p on public.t using (auth.uid() = u);\n"
    )
    findings = run_lints(parsed_statements(source_of(sql)), None)
    assert _rules(findings) == [("auth_rls_initplan", "warning")]
