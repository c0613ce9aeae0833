"""A target's catalog signature: has anything a diff reads changed since last time?"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any


@cache
def _query() -> str:
    return resources.files(__package__).joinpath("signature.sql").read_text(encoding="utf-8")


def catalog_signature(conn: Any) -> str:
    row = conn.execute(_query()).fetchone()
    return hashlib.sha256(str(row[0]).encode()).hexdigest()
