-- main, access_exclusive_lock
alter table public.logs detach partition public.logs_2025;
