-- main, index_dropped
drop index public.zones_area;
