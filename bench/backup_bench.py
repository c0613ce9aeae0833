"""Backup and restore throughput on one table of N rows (default 1,000,000), by hand.

    python bench/backup_bench.py [--rows N]

Makes a scratch database on the embedded server, fills `public.events` (uuid key, text,
jsonb, numeric, timestamptz, int[], bytea: about 250 bytes a row), then times `create_backup`
and `restore_backup`. Reports rows/s and MB/s (of COPY text, i.e. the uncompressed row
data, and of the table on disk), the compressed size and the process's peak RSS before and
after each step, which shows whether memory stays flat.
"""

from __future__ import annotations

import argparse
import gzip
import platform
import resource
import tempfile
import time
from pathlib import Path

from creo_schema.backup import create_backup, restore_backup
from creo_schema.config import Settings
from creo_schema.db import connect
from creo_schema.platform import prelude_sql
from creo_schema.shadow.providers import shadow_cluster
from creo_schema.shadow.tempdb import ensure_template, temporary_database

FILL = """
create table public.events (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  payload jsonb not null,
  amount numeric(14, 4),
  at timestamptz not null,
  counts int[],
  digest bytea,
  updated_at timestamptz not null default now()
);
insert into public.events (kind, payload, amount, at, counts, digest)
select 'kind-' || (g % 17),
       jsonb_build_object('n', g, 'tags', jsonb_build_array('a', 'b', g % 5), 'note', repeat('x', g % 40)),
       g * 0.0137, timestamptz '2025-01-01' + g * interval '1 second',
       array[g, g % 7, g % 11], decode(md5(g::text), 'hex')
  from generate_series(1, %(rows)s) g;
analyze public.events;
"""


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    cluster = shadow_cluster("embedded")
    cluster.ensure_running()
    admin = cluster.uri()
    template = ensure_template(admin, prelude_sql("supabase"))
    with temporary_database(admin, template) as url, tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with connect(url, autocommit=True) as conn:
            conn.execute(FILL.replace("%(rows)s", str(args.rows)))  # type: ignore[arg-type]
            table_bytes = conn.execute("select pg_table_size('public.events')").fetchone()[0]
        print(
            f"filled {args.rows} rows in {time.perf_counter() - started:.1f} s; "
            f"table on disk {table_bytes / 2**20:.1f} MiB"
        )
        settings = Settings(backup_dir=Path(folder), managed_schemas=("public",))
        before = peak_mib()
        started = time.perf_counter()
        made = create_backup(settings, url)
        backup_s = time.perf_counter() - started
        after_backup = peak_mib()
        entry = made.meta.tables[0]
        text_bytes = 0
        with gzip.open(made.path / entry.file, "rb") as data:
            while chunk := data.read(1 << 20):
                text_bytes += len(chunk)
        with connect(url, autocommit=True) as conn:
            conn.execute("update public.events set kind = 'changed' where kind = 'kind-3'")
        started = time.perf_counter()
        restore_backup(settings, url, made.id)
        restore_s = time.perf_counter() - started
        after_restore = peak_mib()
        mib = 2**20
        print(
            f"machine: {platform.machine()}, {platform.python_implementation()} "
            f"{platform.python_version()}, PostgreSQL {made.meta.server_version}"
        )
        print(
            f"COPY text {text_bytes / mib:.1f} MiB -> gzip {entry.bytes / mib:.1f} MiB "
            f"({entry.bytes / text_bytes:.0%})"
        )
        for name, seconds in (("backup", backup_s), ("restore", restore_s)):
            print(
                f"{name:8} {seconds:6.2f} s  {args.rows / seconds:>10,.0f} rows/s  "
                f"{text_bytes / mib / seconds:6.1f} MiB/s of row text  "
                f"{table_bytes / mib / seconds:6.1f} MiB/s of table"
            )
        print(
            f"peak RSS: {before:.0f} MiB before, {after_backup:.0f} MiB after backup, "
            f"{after_restore:.0f} MiB after restore"
        )


if __name__ == "__main__":
    main()
