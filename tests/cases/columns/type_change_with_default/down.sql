-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.counters alter column hits type integer using hits::integer;
