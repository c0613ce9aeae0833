-- main, index_dropped
drop index public.items_priced_idx;

-- main, index_build, share_lock
CREATE INDEX items_priced_idx ON public.items USING btree (price) WHERE (price IS NOT NULL);
