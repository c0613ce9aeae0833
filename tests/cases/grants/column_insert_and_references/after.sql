create table public.profiles (id bigint primary key, name text, bio text);
grant insert (name, bio), references (id) on public.profiles to authenticated;
