-- main, index_dropped
drop index public.orders_item_id_idx;
