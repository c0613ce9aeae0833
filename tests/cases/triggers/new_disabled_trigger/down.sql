-- main
drop trigger orders_noop on public.orders;
