-- main, access_exclusive_lock
alter table public.members replica identity default;
