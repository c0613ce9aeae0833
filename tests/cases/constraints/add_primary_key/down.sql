-- main, index_dropped, access_exclusive_lock
alter table public.tags drop constraint tags_pkey;
