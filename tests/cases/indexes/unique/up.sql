-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY items_name_idx ON public.items USING btree (name);
