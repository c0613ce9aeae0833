create table public.customer (id bigint primary key, name text);
