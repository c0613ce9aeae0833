-- Extended statistics over a column and two expressions together (PostgreSQL 14+).
create table public.events (id bigint, kind text, at timestamptz);
create statistics public.events_kind_day (ndistinct, dependencies, mcv)
  on kind, date_trunc('day', at at time zone 'UTC'), lower(kind) from public.events;
