-- main, index_dropped
drop index public.paths_prefix;
