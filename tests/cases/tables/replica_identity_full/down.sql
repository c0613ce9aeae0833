-- main, access_exclusive_lock
alter table public.audit replica identity default;
