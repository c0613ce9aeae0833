-- main, index_dropped, access_exclusive_lock
alter table public.bookings drop constraint no_overlap;
