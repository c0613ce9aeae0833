"""Who owns each object of a side, by the ids the differ gives changes (plan/privileges.py
asks).

An object without an owner of its own (a column, an index, a policy, a trigger) is its
parent's: ALTER TABLE and DROP INDEX need the table's owner.
"""

from __future__ import annotations

from creo_schema.diff.differ import KINDS
from creo_schema.diff.objects import Side


def owners(side: Side) -> dict[str, str]:
    found: dict[str, str] = {}
    for node_id in side.nodes:
        walked: list[str] = []
        owner: str | None = None
        current: str | None = node_id
        while current is not None:
            if current in found:
                owner = found[current]
                break
            node = side.nodes.get(current)
            if node is None:
                break
            kind = KINDS.get(node.kind)
            walked.append(current)
            owner = kind.owner_of(node) if kind is not None else None
            if owner is not None:
                break
            current = node.parent
        if owner is not None:
            found.update(dict.fromkeys(walked, owner))
    return found
