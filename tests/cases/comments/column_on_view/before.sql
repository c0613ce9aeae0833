create table public.orders (id bigint, total numeric);
create view public.order_totals as select id, total from public.orders;
