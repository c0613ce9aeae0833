create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create table public.orders (
  id bigint generated always as identity primary key,
  item_id bigint not null,
  quantity integer not null default 1
);
