-- main, index_dropped, access_exclusive_lock
alter table public.bookings drop constraint no_overlap;

-- main, access_exclusive_lock, index_build
alter table public.bookings add constraint no_overlap EXCLUDE USING gist (during WITH &&);
