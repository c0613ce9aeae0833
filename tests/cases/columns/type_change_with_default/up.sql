-- main, rewrites_table, access_exclusive_lock
alter table public.counters alter column hits type bigint using hits::bigint;
