-- main, access_exclusive_lock
alter table public.items alter column price set default 0;
