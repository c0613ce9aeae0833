-- main, access_exclusive_lock
alter table public.child no inherit public.base;
