-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY items_created_idx ON public.items USING btree (created_at DESC, id);
