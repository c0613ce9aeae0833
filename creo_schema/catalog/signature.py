"""A target's catalog signature: has anything a diff reads changed since last time?"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from creo_schema.catalog.versioned import for_server
from creo_schema.db import Connection, one_row


@cache
def _query(major: int) -> str:
    text = resources.files(__package__).joinpath("signature.sql").read_text(encoding="utf-8")
    return for_server(text, major)


def catalog_signature(conn: Connection) -> str:
    row = one_row(conn.execute(_query(conn.info.server_version // 10000)))
    return hashlib.sha256(str(row[0]).encode()).hexdigest()
