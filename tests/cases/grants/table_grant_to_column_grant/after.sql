create table public.profiles (id bigint primary key, name text, secret text);
grant select (id, name) on public.profiles to anon;
