create table public.items (
  id bigint generated always as identity primary key,
  name varchar(200) not null,
  price numeric(10,2),
  created_at timestamptz not null default now()
);
