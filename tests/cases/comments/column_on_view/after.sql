create table public.orders (id bigint, total numeric);
create view public.order_totals as select id, total from public.orders;
comment on column public.order_totals.total is 'the sum, tax included';
