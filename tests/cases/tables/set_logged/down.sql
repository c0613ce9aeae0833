-- main, rewrites_table, access_exclusive_lock
alter table public.cache set unlogged;
