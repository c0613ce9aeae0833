-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.users alter column email type character varying(100);
