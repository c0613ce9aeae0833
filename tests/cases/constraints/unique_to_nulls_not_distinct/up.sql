-- main, index_dropped, access_exclusive_lock
alter table public.slots drop constraint slots_room;

-- main, access_exclusive_lock, index_build
alter table public.slots add constraint slots_room UNIQUE NULLS NOT DISTINCT (room);
