-- main, index_dropped, access_exclusive_lock
alter table public.items drop constraint items_name_key;
