-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY items_priced_idx ON public.items USING btree (price) WHERE (price IS NOT NULL);
