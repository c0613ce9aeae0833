create extension if not exists btree_gist;
create table public.rooms (id int, valid_at daterange, primary key (id, valid_at without overlaps));
create table public.bookings (id int, room_id int, valid_at daterange);
