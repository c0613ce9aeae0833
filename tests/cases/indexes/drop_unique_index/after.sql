create table public.users (id bigint, email text);
