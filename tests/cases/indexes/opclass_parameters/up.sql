-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY docs_body ON public.docs USING gist (body tsvector_ops (siglen='256'));

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY docs_seen_at ON public.docs USING brin (seen_at int8_minmax_multi_ops (values_per_range='16'));
