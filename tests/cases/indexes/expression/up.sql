-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY items_lower_name_idx ON public.items USING btree (lower(name));
