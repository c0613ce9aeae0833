-- main, index_dropped, access_exclusive_lock
alter table public.bookings drop constraint one_booking;

-- main, deletes_data
drop extension btree_gist;
