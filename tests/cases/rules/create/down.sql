-- main
drop rule orders_archive_delete on public.orders;
