-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.items alter column price type numeric(10,2) using price::numeric(10,2);
