-- main, index_dropped
drop index public.ticks_at;
