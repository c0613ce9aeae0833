-- main, access_exclusive_lock
alter table public.counters alter column id drop identity;
