create table public.items (
  id bigint generated always as identity primary key,
  name text not null,
  price numeric(10,2) default 0,
  created_at timestamptz not null default now()
);
