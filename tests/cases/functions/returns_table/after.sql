create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create function public.cheap_items(max_price numeric) returns table (id bigint, name text) language sql stable as $$ select id, name from public.items where price <= max_price $$;
