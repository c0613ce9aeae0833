-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.accounts alter column id type integer using id::integer;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.entries alter column account_id type integer using account_id::integer;
