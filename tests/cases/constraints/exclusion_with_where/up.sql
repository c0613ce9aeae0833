-- main, access_exclusive_lock, index_build
alter table public.bookings add constraint no_overlap EXCLUDE USING gist (during WITH &&) WHERE ((NOT cancelled));
