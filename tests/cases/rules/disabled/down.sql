-- main, access_exclusive_lock
alter table public.p enable rule r1;
