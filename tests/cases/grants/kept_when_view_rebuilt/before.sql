create table public.orders (id bigint, total integer);
create view public.order_totals as select id, total from public.orders;
grant select on public.order_totals to authenticated;
