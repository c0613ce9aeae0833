-- main, index_dropped
drop index public.items_priced_idx;
