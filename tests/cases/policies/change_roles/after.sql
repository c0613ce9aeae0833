create table public.profiles (
  id uuid primary key,
  owner_id uuid not null,
  bio text
);
alter table public.profiles enable row level security;
create policy profiles_read on public.profiles for select to anon, authenticated using (true);
