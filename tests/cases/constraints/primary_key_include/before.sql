create table public.orders (id bigint not null, total numeric);
