-- main, deletes_data, access_exclusive_lock
drop table public.events_click;

-- main, deletes_data, access_exclusive_lock
drop table public.events_other;

-- main, deletes_data, access_exclusive_lock
drop table public.events;
