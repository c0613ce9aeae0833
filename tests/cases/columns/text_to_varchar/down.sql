-- main, access_exclusive_lock
alter table public.items alter column name type text;
