-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.names alter column name type character varying(50) collate pg_catalog."C";
