-- main, access_exclusive_lock
alter table public.child inherit public.base;
