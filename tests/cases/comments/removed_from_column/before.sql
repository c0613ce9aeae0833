create table public.orders (id bigint, total numeric);
comment on column public.orders.total is 'old';
