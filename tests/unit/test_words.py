"""Counted nouns: one helper (creo_schema/words.py) so that no message says "1 statements"."""

from __future__ import annotations

import pytest

from creo_schema.words import noun_for, plural, these


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (0, "statement", "0 statements"),
        (1, "statement", "1 statement"),
        (2, "statement", "2 statements"),
        (1, "policy", "1 policy"),
        (3, "policy", "3 policies"),
        (2, "index", "2 indexes"),
        (1, "backup", "1 backup"),
    ],
)
def test_plural(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


def test_an_irregular_plural_given_by_the_caller() -> None:
    assert plural(1, "check or foreign key", "checks and foreign keys") == "1 check or foreign key"
    assert plural(2, "check or foreign key", "checks and foreign keys") == (
        "2 checks and foreign keys"
    )


def test_the_noun_alone_and_the_question_form() -> None:
    assert noun_for(1, "policy") == "policy"
    assert noun_for(2, "policy") == "policies"
    assert these(1, "statement") == "this statement"
    assert these(4, "statement") == "these 4 statements"
