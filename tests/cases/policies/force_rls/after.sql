create table public.profiles (
  id uuid primary key,
  owner_id uuid not null,
  bio text
);
alter table public.profiles enable row level security;
alter table public.profiles force row level security;
