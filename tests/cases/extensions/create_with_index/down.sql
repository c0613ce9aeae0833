-- main, index_dropped
drop index public.items_name_trgm_idx;

-- main, deletes_data
drop extension pg_trgm;
