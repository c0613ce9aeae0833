-- PostgreSQL 18: a temporal foreign key (PERIOD): each booking's period lies within the
-- periods its room exists for.
create extension if not exists btree_gist;
create table public.rooms (id int, valid_at daterange, primary key (id, valid_at without overlaps));
create table public.bookings (
  id int, room_id int, valid_at daterange,
  constraint bookings_room foreign key (room_id, period valid_at) references public.rooms (id, period valid_at)
);
