-- main, deletes_data, access_exclusive_lock
alter table public.items drop column stock;

-- main
drop domain public.positive_int;
