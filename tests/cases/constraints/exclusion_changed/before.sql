create table public.bookings (id bigint, during tstzrange, constraint no_overlap exclude using gist (during with &&));
