-- main, access_exclusive_lock
alter table public.items set (fillfactor=80);
