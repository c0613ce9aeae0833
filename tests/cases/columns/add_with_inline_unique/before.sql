create table public.users (id bigint primary key);
