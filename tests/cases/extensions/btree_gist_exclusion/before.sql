create table public.bookings (room integer, during tstzrange);
