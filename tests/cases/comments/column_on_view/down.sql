-- main
comment on column public.order_totals.total is null;
