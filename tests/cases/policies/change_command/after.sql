create table public.profiles (
  id uuid primary key,
  owner_id uuid not null,
  bio text
);
alter table public.profiles enable row level security;
create policy profiles_owner on public.profiles for all to authenticated using (owner_id = (select auth.uid()));
