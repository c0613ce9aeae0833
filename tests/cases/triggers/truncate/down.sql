-- main
drop trigger orders_no_truncate on public.orders;
