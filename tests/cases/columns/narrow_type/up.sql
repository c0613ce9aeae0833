-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.orders alter column quantity type integer using quantity::integer;
