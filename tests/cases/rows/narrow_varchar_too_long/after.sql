create table public.items (id bigint primary key, code varchar(5));
