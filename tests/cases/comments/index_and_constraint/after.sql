create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create index items_name_idx on public.items (name);
comment on index public.items_name_idx is 'Search by name';
comment on constraint items_pkey on public.items is 'The key';
