create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create materialized view public.item_counts as select count(*) as n, max(price) as top from public.items;
