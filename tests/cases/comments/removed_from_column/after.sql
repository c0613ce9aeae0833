create table public.orders (id bigint, total numeric);
