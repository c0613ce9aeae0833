create table public.orders (id bigint, total numeric, note text);
create view public.order_notes as select id, note from public.orders;
