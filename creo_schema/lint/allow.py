"""`-- creo:allow <rule> <reason>` above a statement silences that rule's findings located there.

The reason is required: an allow without one silences nothing and is itself an error, as is
one naming a rule that does not exist (with the nearest name suggested).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass

from creo_schema.errors import Location
from creo_schema.lint.finding import Finding
from creo_schema.source.asts import Parsed

_ALLOW = re.compile(r"^creo:allow\b\s*(\S*)\s*(.*)$")


@dataclass(frozen=True, slots=True)
class Allows:
    by_location: dict[Location, frozenset[str]]  # statement location -> rules silenced there
    problems: tuple[Finding, ...]

    def silences(self, finding: Finding) -> bool:
        if finding.location is None:
            return False
        return finding.rule in self.by_location.get(finding.location, frozenset())


def read_allows(parsed: list[Parsed], known_rules: Collection[str]) -> Allows:
    by_location: dict[Location, set[str]] = {}
    problems: list[Finding] = []
    for item in parsed:
        for comment in item.statement.leading_comments:
            match = _ALLOW.match(comment)
            if not match:
                continue
            rule, reason = match.group(1), match.group(2).strip()
            where = item.statement.location
            if rule not in known_rules:
                close = difflib.get_close_matches(rule, sorted(known_rules), n=1)
                problems.append(
                    Finding(
                        "error",
                        "allow-comment",
                        f"creo:allow names no lint rule {rule!r}"
                        if rule
                        else "creo:allow names no rule",
                        where,
                        hint=f"did you mean {close[0]}?"
                        if close
                        else "write -- creo:allow <rule> <reason>",
                    )
                )
                continue
            if not reason:
                problems.append(
                    Finding(
                        "error",
                        "allow-comment",
                        f"creo:allow {rule} needs a reason",
                        where,
                        hint=f"write -- creo:allow {rule} <why this is fine here>",
                    )
                )
                continue
            by_location.setdefault(where, set()).add(rule)
    return Allows({k: frozenset(v) for k, v in by_location.items()}, tuple(problems))
