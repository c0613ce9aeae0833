create table public.profiles (
  id uuid primary key,
  owner_id uuid not null,
  bio text
);
alter table public.profiles enable row level security;
create policy profiles_owner_read on public.profiles for select to authenticated using (owner_id = (select auth.uid()) and bio is not null);
