-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY paths_prefix ON public.paths USING btree (path text_pattern_ops);
