create table public.slots (id bigint, room text, constraint slots_room unique nulls not distinct (room));
