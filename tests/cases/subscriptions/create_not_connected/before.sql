create table public.orders (id bigint primary key, total numeric(10, 2) not null);
