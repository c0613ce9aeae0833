-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY names_c ON public.names USING btree (name COLLATE "C");
