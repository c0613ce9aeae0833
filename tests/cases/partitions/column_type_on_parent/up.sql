-- main, rewrites_table, access_exclusive_lock
alter table public.events alter column n type bigint using n::bigint;
