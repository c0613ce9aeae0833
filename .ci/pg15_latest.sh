#!/usr/bin/env bash
# Debian's newest PostgreSQL 15 build (what a fresh Debian 12 installs: 15.20 and later stamp
# every column with `pg_attver`, issue 22), unpacked beside the installed PostgreSQL 15
# without replacing it: `apt-get download` + `dpkg -x` into a directory of its own.
# Idempotent: a second run with the same apt candidate does nothing. Prints the bin directory
# (tests/integration/test_pg15_latest.py looks there). Needs `apt-get update` to have run.
set -euo pipefail

DEST="${CREO_PG15_LATEST:-/opt/creo-schema/pg-15-latest}"
BIN="$DEST/usr/lib/postgresql/15/bin"

version="$(apt-cache policy postgresql-15 | awk '/Candidate:/ { print $2 }')"
if [ -z "$version" ] || [ "$version" = "(none)" ]; then
  echo "pg15_latest: apt knows no postgresql-15 candidate; run apt-get update" >&2
  exit 2
fi

if [ "$(cat "$DEST/.version" 2>/dev/null || true)" != "$version" ] || [ ! -x "$BIN/postgres" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # _apt cannot write into mktemp's 0700 directory; the download is a plain file fetch.
  chmod 755 "$work"
  (cd "$work" && apt-get download -q "postgresql-15=$version" >/dev/null 2>&1) || {
    echo "pg15_latest: apt-get download postgresql-15=$version failed" >&2
    exit 3
  }
  dpkg -x "$work"/postgresql-15_*.deb "$work/tree"
  # initdb finds share/ (postgres.bki) relative to its own bin/: Debian's
  # /usr/lib/postgresql/15/bin -> /usr/share/postgresql/15 holds inside the unpacked tree.
  test -f "$work/tree/usr/share/postgresql/15/postgres.bki"
  echo "$version" >"$work/tree/.version"
  rm -rf "$DEST.old"
  if [ -e "$DEST" ]; then mv "$DEST" "$DEST.old"; fi
  mkdir -p "$(dirname "$DEST")"
  mv "$work/tree" "$DEST"
  chmod 755 "$DEST"
  rm -rf "$DEST.old"
fi

# The package's library dependencies come from the machine (installed with postgresql-15).
missing="$(ldd "$BIN/postgres" | awk '/not found/ { print $1 }')"
if [ -n "$missing" ]; then
  echo "pg15_latest: $BIN/postgres needs libraries this machine lacks: $missing" >&2
  exit 3
fi
echo "$BIN"
