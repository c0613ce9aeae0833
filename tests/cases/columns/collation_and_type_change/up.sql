-- main, access_exclusive_lock
alter table public.names alter column name type text collate pg_catalog."POSIX";
