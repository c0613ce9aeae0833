-- main, rewrites_table, access_exclusive_lock
alter table public.accounts alter column id type bigint using id::bigint;

-- main, rewrites_table, access_exclusive_lock
alter table public.entries alter column account_id type bigint using account_id::bigint;
