-- main, rewrites_table, access_exclusive_lock
alter table public.logins alter column at type timestamp with time zone using at::timestamp with time zone;
