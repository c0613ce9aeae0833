create table public.bookings (
  id bigint primary key, room int, during int4range,
  constraint no_double_booking exclude using gist (during with &&)
);
