-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.refs alter column code type integer using code::integer;
