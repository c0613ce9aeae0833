-- main, deletes_data
drop table public.orders;

-- main, deletes_data
drop table public.items;
