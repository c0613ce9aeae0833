create table public.users (id bigint, email text, name text);
