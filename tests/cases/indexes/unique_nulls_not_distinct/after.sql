create table public.slots (room text, at timestamptz);
create unique index slots_once on public.slots (room, at) nulls not distinct;
