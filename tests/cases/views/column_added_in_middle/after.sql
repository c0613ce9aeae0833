create table public.orders (id bigint, total numeric, placed date);
create view public.order_list as select id, placed, total from public.orders;
