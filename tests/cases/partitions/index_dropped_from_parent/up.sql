-- main, index_dropped
drop index public.events_kind;
