create extension if not exists btree_gist with schema public;
create table public.bookings (room integer, during tstzrange, constraint one_booking exclude using gist (room with =, during with &&));
