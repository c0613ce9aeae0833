"""The confirmation policy every command that changes data shares.

One flag approves, on every command that asks: `--auto-approve`, or its alias `--yes`
(cli/app.py `approve_option`). Without it a person must be there to ask: the
CLI passes `ask` only when stdin is a terminal, so that a script or CI job without the flag
is refused (exit 4) instead of waiting for an answer that never comes.
"""

from __future__ import annotations

from collections.abc import Callable

from creo_schema.errors import SafetyError

Ask = Callable[[str], bool]  # the question -> yes

APPROVE = "--auto-approve (or --yes)"


def require_approval(
    question: str,
    *,
    approved: bool,
    ask: Ask | None,
    unattended: str,
    declined: str,
) -> None:
    if approved:
        return
    if ask is None:
        raise SafetyError(unattended, hint=f"pass {APPROVE} to go on non-interactively")
    if not ask(question):
        raise SafetyError(declined)
