-- main, index_dropped
drop index public.orders_customer_placed;

-- main, index_build, share_lock
CREATE UNIQUE INDEX orders_customer_placed ON public.orders USING btree (customer_id, placed_at) INCLUDE (total);
