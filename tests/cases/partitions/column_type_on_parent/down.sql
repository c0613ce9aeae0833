-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.events alter column n type integer using n::integer;
