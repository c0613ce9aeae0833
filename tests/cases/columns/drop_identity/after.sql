create table public.items (
  id bigint primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
