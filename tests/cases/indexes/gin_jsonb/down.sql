-- main, index_dropped
drop index public.docs_body_idx;
