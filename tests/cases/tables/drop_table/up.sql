-- main, deletes_data
drop table public.orders;
