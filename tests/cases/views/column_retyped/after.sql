create table public.orders (id bigint, total numeric);
create view public.order_totals as select id, total::numeric(12,2) as total from public.orders;
