-- main, index_dropped
drop index public.orders_lookup;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY orders_lookup ON public.orders USING btree (customer, placed);
