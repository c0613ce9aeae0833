-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY orders_item_id_idx ON public.orders USING btree (item_id);
