create table public.bookings (id bigint primary key, room integer not null, during tstzrange not null);
