create function public.default_price() returns numeric language sql stable as $$ select 9.99 $$;
create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2) default public.default_price(),
  created_at timestamptz not null default now()
);
