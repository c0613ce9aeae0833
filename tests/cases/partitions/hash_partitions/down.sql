-- main, deletes_data, access_exclusive_lock
drop table public.shards_0;

-- main, deletes_data, access_exclusive_lock
drop table public.shards_1;

-- main, deletes_data, access_exclusive_lock
drop table public.shards;
