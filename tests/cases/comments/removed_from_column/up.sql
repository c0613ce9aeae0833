-- main
comment on column public.orders.total is null;
