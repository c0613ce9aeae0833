-- main, access_exclusive_lock
alter table public.p disable rule r1;
