"""An extension is installed in the public schema (Supabase advisor 0014).

**Anti-pattern**: its functions and tables land in an API-exposed schema, reachable through
the Data API and mixed with the app's objects.

.. code-block:: sql

    create extension pg_trgm;

**Best practice**: install extensions in the platform's ``extensions`` schema.

.. code-block:: sql

    create extension pg_trgm with schema extensions;
"""

from __future__ import annotations

from collections.abc import Iterator

from creo_schema.lint.context import LintContext
from creo_schema.lint.finding import Finding
from creo_schema.lint.rule import Rule

QUERY = """
select e.extname as name
from pg_catalog.pg_extension e
join pg_catalog.pg_namespace n on n.oid = e.extnamespace
where n.nspname = 'public'
order by 1
"""


class ExtensionInPublic(Rule):
    name = "extension_in_public"
    level = "warning"
    advisor = "0014"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for row in ctx.rows(QUERY):
            name = row["name"]
            yield self.finding(
                f"extension {name} is installed in the public schema",
                ctx.locator.location(f"extension:{name}"),
                f"create extension {name} with schema extensions;",
            )


RULE = ExtensionInPublic()
