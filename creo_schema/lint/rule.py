"""The shape of a rule: a name, a default level, a check. The module docstring is its documentation.

Write the docstring as sqlfluff does: one summary line, then **Anti-pattern** and **Best
practice** sections with SQL. `check` yields findings through `self.finding(...)`, which fills
in the rule's name and level (a rule may raise the level of one finding, e.g. a SECURITY
DEFINER function); the registry then applies the configured level and the in-place allows.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import ClassVar

from creo_schema.errors import Location
from creo_schema.lint.context import LintContext
from creo_schema.lint.finding import Finding, Level


class Rule:
    name: ClassVar[str]  # as Supabase's advisor names it, e.g. "rls_disabled_in_public"
    level: ClassVar[Level]  # the advisor's level: ERROR -> error, WARN -> warning, INFO -> info
    advisor: ClassVar[str] = ""  # the splinter lint number, e.g. "0013"
    category: ClassVar[str] = "security"  # or "performance"
    needs_database: ClassVar[bool] = True  # False: reads only the AST

    def check(self, ctx: LintContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        location: Location | None,
        hint: str | None = None,
        *,
        level: Level | None = None,
    ) -> Finding:
        return Finding(level or self.level, self.name, message, location, hint)

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation: its module's docstring (one rule per module)."""
        return sys.modules[cls.__module__].__doc__ or ""

    @classmethod
    def summary(cls) -> str:
        doc = cls.doc().strip()
        return doc.splitlines()[0] if doc else cls.name
