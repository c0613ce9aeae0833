-- main, index_dropped
drop index public.orders_lookup;

-- main, index_build, share_lock
CREATE INDEX orders_lookup ON public.orders USING btree (customer);
