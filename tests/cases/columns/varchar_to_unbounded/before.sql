create table public.users (id bigint, email varchar(100));
