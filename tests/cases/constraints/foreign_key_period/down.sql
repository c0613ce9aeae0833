-- main, access_exclusive_lock
alter table public.bookings drop constraint bookings_room;
