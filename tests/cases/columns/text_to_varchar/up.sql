-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.items alter column name type character varying(200);
