create table public.profiles (id bigint primary key, name text, bio text);
grant select (id, name) on public.profiles to anon;
