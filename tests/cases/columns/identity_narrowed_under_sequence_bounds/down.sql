-- main, rewrites_table, access_exclusive_lock
alter table public.tickets alter column id type bigint using id::bigint;
