-- main, deletes_data, access_exclusive_lock
drop table public.status;

-- main
create type public.status as enum ('on', 'off');
