create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
create view public.v1 as select id, upper(name) as name from public.items;
create view public.v2 as select id, name from public.v1 where id > 10;
