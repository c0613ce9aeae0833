-- main, index_dropped
drop index public.names_c;
