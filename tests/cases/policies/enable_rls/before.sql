create table public.profiles (
  id uuid primary key,
  owner_id uuid not null,
  bio text
);
