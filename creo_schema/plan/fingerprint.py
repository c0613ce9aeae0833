"""Fingerprint of the declared source: SHA-256 over each file's deparsed statements.

Deparsed, so that reformatting or re-commenting a file does not count as a change; per
file path, so that moving a statement between files does.
"""

from __future__ import annotations

import hashlib

from creo_schema.source.model import SourceSet


def source_fingerprint(source: SourceSet) -> str:
    digest = hashlib.sha256()
    for statement in sorted(source.statements, key=lambda s: (s.location.file, s.offset)):
        digest.update(statement.location.file.encode())
        digest.update(b"\0")
        digest.update(statement.normalized.encode())
        digest.update(b"\0")
    return digest.hexdigest()
