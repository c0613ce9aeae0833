-- main, rewrites_table, access_exclusive_lock
alter table public.logins alter column at type timestamp without time zone using at::timestamp without time zone;
