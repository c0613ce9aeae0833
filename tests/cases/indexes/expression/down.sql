-- main, index_dropped
drop index public.items_lower_name_idx;
