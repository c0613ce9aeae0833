-- main, access_exclusive_lock
alter table public.users alter column email type character varying;
