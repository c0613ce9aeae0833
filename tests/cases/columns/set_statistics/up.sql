-- main, access_exclusive_lock
alter table public.measurements alter column reading set statistics 1000;
