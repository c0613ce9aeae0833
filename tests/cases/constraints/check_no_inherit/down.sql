-- main, access_exclusive_lock
alter table public.base drop constraint positive;
