-- main, access_exclusive_lock
alter table public.items add column note text;
