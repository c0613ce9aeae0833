-- main, rewrites_table, access_exclusive_lock
alter table public.items alter column sku type bigint using sku::bigint;
