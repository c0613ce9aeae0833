-- main, rewrites_table, access_exclusive_lock
alter table public.addresses alter column zip type text;
