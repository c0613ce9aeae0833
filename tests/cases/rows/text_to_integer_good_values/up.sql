-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.items alter column amount type integer using amount::integer;
