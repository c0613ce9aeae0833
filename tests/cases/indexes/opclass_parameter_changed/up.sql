-- main, index_dropped
drop index public.docs_body;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY docs_body ON public.docs USING gist (body tsvector_ops (siglen='512'));
