-- main, index_dropped
drop index public.docs_title_trgm;

-- main, deletes_data
drop extension pg_trgm;
