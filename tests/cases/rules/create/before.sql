create table public.orders (id bigint, total numeric);
create table public.orders_archive (id bigint, total numeric);
