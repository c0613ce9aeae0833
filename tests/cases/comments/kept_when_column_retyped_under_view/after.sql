create table public.orders (id bigint, total bigint);
create view public.order_totals as select id, total from public.orders;
comment on view public.order_totals is 'per order';
comment on column public.order_totals.total is 'the total';
