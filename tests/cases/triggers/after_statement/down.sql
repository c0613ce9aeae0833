-- main
drop trigger orders_logged on public.orders;
