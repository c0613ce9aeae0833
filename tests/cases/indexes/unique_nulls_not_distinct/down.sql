-- main, index_dropped
drop index public.slots_once;
