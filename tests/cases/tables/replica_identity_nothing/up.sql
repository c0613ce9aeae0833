-- main, access_exclusive_lock
alter table public.scratch replica identity nothing;
