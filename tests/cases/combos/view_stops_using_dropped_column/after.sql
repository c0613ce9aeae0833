create table public.orders (id bigint, total numeric);
create view public.order_notes as select id, null::text as note from public.orders;
