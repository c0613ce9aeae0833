-- main, access_exclusive_lock
alter table public.bands add column other public.floatrange;
