create table public.products (id bigint primary key);
