create table public.orders (id bigint, total numeric, placed date);
create view public.order_list as select id, total, placed from public.orders;
create view public.recent as select id, placed from public.order_list;
