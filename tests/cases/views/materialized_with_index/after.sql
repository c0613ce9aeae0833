create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create materialized view public.item_names as select id, name from public.items;
create unique index item_names_id_idx on public.item_names (id);
