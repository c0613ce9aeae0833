-- main, index_dropped
drop index public.items_created_idx;
