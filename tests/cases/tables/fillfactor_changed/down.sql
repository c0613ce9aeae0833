-- main, access_exclusive_lock
alter table public.hot set (fillfactor=90);
