-- main, index_dropped
drop index public.items_priced_idx;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY items_priced_idx ON public.items USING btree (price) WHERE (price > (0)::numeric);
