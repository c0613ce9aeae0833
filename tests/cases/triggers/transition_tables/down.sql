-- main
drop trigger orders_count on public.orders;
