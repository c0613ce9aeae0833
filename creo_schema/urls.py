"""Database URLs: the one place that hides passwords before anything is shown or written."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, urlsplit

import psycopg
from psycopg.conninfo import conninfo_to_dict

_PASSWORD_IN_NETLOC = re.compile(r"(?P<head>^[a-z][a-z0-9+.-]*://[^:/@?#]*):[^@/?#]*@", re.I)
_PASSWORD_PARAM = re.compile(r"(?P<head>(?:^|[?&\s])password=)[^&\s]*", re.I)


def redact_url(url: str) -> str:
    """Return the URL with any password replaced by `***` (netloc or query parameter)."""
    redacted = _PASSWORD_IN_NETLOC.sub(r"\g<head>:***@", url)
    return _PASSWORD_PARAM.sub(r"\g<head>***", redacted)


_PASSWORD_IN_ANY_URL = re.compile(r"(?P<head>\b[a-z][a-z0-9+.-]*://[^:/@?#\s]*):[^@/?#\s]*@", re.I)


def redact_urls_in(text: str) -> str:
    """Hide the password of every URL written in a free text (`scheme://user:secret@`), and
    every `password=` parameter, whichever URL they came from."""
    redacted = _PASSWORD_IN_ANY_URL.sub(r"\g<head>:***@", text)
    return _PASSWORD_PARAM.sub(r"\g<head>***", redacted)


def redact_text(text: str, url: str | None) -> str:
    """Remove every occurrence of the URL's password from a free text (e.g. a driver message)."""
    if not url:
        return text
    for secret in _passwords_in(url):
        text = text.replace(secret, "***")
    return text


def _passwords_in(url: str) -> list[str]:
    secrets: list[str] = []
    with contextlib.suppress(psycopg.Error):
        secrets.append(str(conninfo_to_dict(url).get("password") or ""))
    try:
        parts = urlsplit(url)
        secrets.append(parts.password or "")
        secrets += [v for k, v in parse_qsl(parts.query) if k.lower() == "password"]
    except ValueError:
        pass
    return [s for s in set(secrets) if len(s) >= 2]
