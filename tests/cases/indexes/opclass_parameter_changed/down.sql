-- main, index_dropped
drop index public.docs_body;

-- main, index_build, share_lock
CREATE INDEX docs_body ON public.docs USING gist (body tsvector_ops (siglen='128'));
