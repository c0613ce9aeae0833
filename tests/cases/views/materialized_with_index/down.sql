-- main, index_dropped
drop index public.item_names_id_idx;

-- main
drop materialized view public.item_names;
