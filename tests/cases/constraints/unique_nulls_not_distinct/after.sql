create table public.slots (id bigint, room text, starts_at timestamptz, constraint slots_once unique nulls not distinct (room, starts_at));
