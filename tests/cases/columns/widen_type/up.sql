-- main, rewrites_table, access_exclusive_lock
alter table public.orders alter column quantity type bigint using quantity::bigint;
