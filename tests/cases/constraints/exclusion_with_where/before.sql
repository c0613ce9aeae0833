create table public.bookings (id bigint, room integer, during tstzrange, cancelled boolean default false);
