-- main
drop procedure public.finish(IN which bigint);

-- main, deletes_data, access_exclusive_lock
drop table public.jobs;
