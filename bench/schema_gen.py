"""Generate a realistic schema of N tables, and a variant with about 5% of its objects changed.

Each table: a uuid key, mixed column types, a foreign key to an earlier table, a composite
index, a partial or GIN index, RLS with two policies, an updated_at trigger, a comment. A
view and a function every ten tables. Written one file per table, as a team would.

    python bench/schema_gen.py 300 /tmp/bench/s300          # -> before/ and changed/
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMON = """
create extension if not exists pg_trgm with schema extensions;

create function public.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end
$$;
"""


def table_sql(i: int, changed: bool) -> str:
    name = f"t{i:05d}"
    parent = f"t{max(i - 7, 0):05d}"
    fk = f"  parent_id uuid references public.{parent} (id) on delete set null,\n" if i > 0 else ""
    extra = "  added_note text,\n" if changed and i % 10 == 1 else ""
    partial_or_gin = (
        f"create index {name}_meta_gin on public.{name} using gin (meta);\n"
        if i % 2
        else f"create index {name}_active on public.{name} (created_at) where status = 'active';\n"
    )
    comment = f"table {i}" + (" (revised)" if changed and i % 10 == 2 else "")
    new_index = (
        f"create index {name}_score on public.{name} (score);\n" if changed and i % 10 == 3 else ""
    )
    policy_check = (
        "owner_id = (select auth.uid())"
        if not (changed and i % 10 == 4)
        else "owner_id = (select auth.uid()) and status <> 'archived'"
    )
    return f"""
create table public.{name} (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
{fk}  title text not null,
  status text not null default 'active' check (status in ('active', 'archived', 'deleted')),
  score numeric(12, 2) not null default 0,
  amount_cents bigint not null default 0,
  tags text[] not null default '{{}}',
  meta jsonb not null default '{{}}',
  is_public boolean not null default false,
{extra}  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.{name} is '{comment}';
create index {name}_owner_created on public.{name} (owner_id, created_at);
{partial_or_gin}{new_index}alter table public.{name} enable row level security;
create policy "{name} owner reads" on public.{name} for select to authenticated using ({policy_check});
create policy "{name} owner writes" on public.{name} for update to authenticated using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create trigger {name}_touch before update on public.{name} for each row execute function public.touch_updated_at();
grant select, update on public.{name} to authenticated;
"""


def every_ten_sql(i: int, changed: bool) -> str:
    name = f"t{i:05d}"
    body = "count(*)::bigint" if not (changed and i % 20 == 0) else "count(*)::bigint + 0"
    return f"""
create view public.v_{name} with (security_invoker = true) as
  select owner_id, count(*) as n, sum(amount_cents) as total from public.{name} group by owner_id;

create function public.count_{name}(who uuid) returns bigint
language sql stable set search_path = '' as $$ select {body} from public.{name} where owner_id = who $$;
"""


def write(n: int, root: Path, changed: bool) -> Path:
    out = root / ("changed" if changed else "before")
    (out / "tables").mkdir(parents=True, exist_ok=True)
    (out / "common.sql").write_text(COMMON)
    for i in range(n):
        text = table_sql(i, changed)
        if i % 10 == 0:
            text += every_ten_sql(i, changed)
        (out / "tables" / f"t{i:05d}.sql").write_text(text)
    return out


def main() -> None:
    n, root = int(sys.argv[1]), Path(sys.argv[2])
    write(n, root, changed=False)
    write(n, root, changed=True)
    print(root)


if __name__ == "__main__":
    main()
