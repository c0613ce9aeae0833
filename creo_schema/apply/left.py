"""What a database still differs in after a plan was applied, as sentences.

A plan is proven in the shadow before it is shown: once applied, the target's schema must
be exactly the plan's desired one. When it is not (something changed the database while
the plan ran, or the proof missed a defect), `apply` names what differs, records the
migration as failed with those sentences, and exits 4.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from creo_schema.catalog import CatalogSnapshot
from creo_schema.catalog.differences import object_diffs, sentences

# The desired state's catalog, when it can be found (plan/cache.py, or a fresh load).
DesiredCatalog = Callable[[], CatalogSnapshot | None]
SHOWN = 20  # sentences kept in the history row; the rest are counted


def differences_left(after: CatalogSnapshot, desired: CatalogSnapshot | None) -> tuple[str, ...]:
    """What `after` (the database) differs in from `desired`; empty when `desired` is
    unknown or no object differs by what our catalog compares."""
    if desired is None:
        return ()
    return tuple(
        sentences(
            object_diffs(after, desired),
            only=(
                "in the database, not in the desired state",
                "in the desired state, not in the database",
            ),
            sides=" (database -> desired)",
        )
    )


@dataclass(frozen=True)
class Left:
    """A database left different from the plan's desired state after applying it."""

    statements: int  # how many ran
    differences: tuple[str, ...]  # empty when the desired state could not be found again
    after_fingerprint: str
    desired_fingerprint: str

    def message(self, shown: int = SHOWN) -> str:
        """One sentence: the first `shown` differences, the others counted."""
        head = (
            f"all {self.statements} statements ran, but the database differs from the "
            "plan's desired state"
        )
        if not self.differences:
            return (
                f"{head} (schema fingerprint {self.after_fingerprint[:12]}, expected "
                f"{self.desired_fingerprint[:12]}); the objects cannot be named: the plan's "
                "desired state could not be found again (schema/ or the settings changed "
                "since the plan was made)"
            )
        listed = "; ".join(self.differences[:shown])
        rest = len(self.differences) - shown
        return f"{head}: {listed}" + (f" (and {rest} more)" if rest > 0 else "")
