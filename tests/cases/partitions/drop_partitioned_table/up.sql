-- main, deletes_data, access_exclusive_lock
drop table public.events_2024;

-- main, deletes_data, access_exclusive_lock
drop table public.events_other;

-- main, deletes_data, access_exclusive_lock
drop table public.events;
