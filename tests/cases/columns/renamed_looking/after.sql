create table public.users (id bigint primary key, full_name text);
