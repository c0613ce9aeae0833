-- main, share_lock
alter table public.bookings add constraint bookings_room FOREIGN KEY (room_id, PERIOD valid_at) REFERENCES public.rooms(id, PERIOD valid_at) not valid;

-- validate
alter table public.bookings validate constraint bookings_room;
