-- main, access_exclusive_lock
alter table public.items reset (fillfactor);
