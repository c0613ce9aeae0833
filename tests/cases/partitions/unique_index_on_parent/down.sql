-- main, index_dropped
drop index public.events_id_at;
