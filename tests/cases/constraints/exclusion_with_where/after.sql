create table public.bookings (id bigint, room integer, during tstzrange, cancelled boolean default false,
  constraint no_overlap exclude using gist (during with &&) where (not cancelled));
