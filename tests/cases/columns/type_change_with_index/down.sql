-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.items alter column sku type integer using sku::integer;
