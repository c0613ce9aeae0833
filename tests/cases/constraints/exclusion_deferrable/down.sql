-- main, index_dropped, access_exclusive_lock
alter table public.shifts drop constraint shifts_no_overlap;
