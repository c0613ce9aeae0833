-- main, index_build, share_lock
CREATE INDEX orders_item_id_idx ON public.orders USING btree (item_id);
