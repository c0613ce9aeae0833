-- main, index_dropped, access_exclusive_lock
alter table public.slots drop constraint slots_once;
