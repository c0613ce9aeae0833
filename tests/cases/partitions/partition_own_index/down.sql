-- main, index_dropped
drop index public.events_2024_kind;
