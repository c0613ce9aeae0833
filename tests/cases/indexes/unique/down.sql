-- main, index_dropped
drop index public.items_name_idx;
