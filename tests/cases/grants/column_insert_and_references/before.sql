create table public.profiles (id bigint primary key, name text, bio text);
