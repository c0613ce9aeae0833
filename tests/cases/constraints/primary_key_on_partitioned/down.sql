-- main, index_dropped, access_exclusive_lock
alter table public.events drop constraint events_pkey;
