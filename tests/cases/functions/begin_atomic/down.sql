-- main
drop function public.bump(which bigint);

-- main, deletes_data, access_exclusive_lock
drop table public.counters;
