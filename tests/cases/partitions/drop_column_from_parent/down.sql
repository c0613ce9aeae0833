-- main, access_exclusive_lock
alter table public.events add column obsolete text;
