-- main, access_exclusive_lock
alter table public.base drop constraint base_only;
