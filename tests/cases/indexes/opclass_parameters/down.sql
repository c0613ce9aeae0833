-- main, index_dropped
drop index public.docs_body;

-- main, index_dropped
drop index public.docs_seen_at;
