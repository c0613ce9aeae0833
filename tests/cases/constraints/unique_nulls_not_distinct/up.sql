-- main, access_exclusive_lock, index_build
alter table public.slots add constraint slots_once UNIQUE NULLS NOT DISTINCT (room, starts_at);
